package io.oncallhq.console.postmortems;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;
import org.springframework.stereotype.Component;

/**
 * Section text as HTML that cannot run: commonmark escapes raw HTML and drops unsafe link targets, then jsoup keeps
 * only an allow-list of tags and attributes (no event handlers, no {@code javascript:} or {@code data:} links) in
 * case a renderer change ever lets something through. Only its output is ever shown unescaped.
 */
@Component
public class Markdown {

    private static final Safelist INERT = Safelist.relaxed()
            .removeTags("img")
            .addProtocols("a", "href", "http", "https", "mailto")
            .addAttributes("a", "rel")
            .preserveRelativeLinks(false);

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    public String html(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        String rendered = renderer.render(parser.parse(markdown));
        return Jsoup.clean(rendered, INERT);
    }
}
