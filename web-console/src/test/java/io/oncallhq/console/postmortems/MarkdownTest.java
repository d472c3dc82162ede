package io.oncallhq.console.postmortems;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownTest {

    private final Markdown markdown = new Markdown();

    @Test
    void markdownBecomesHeadingsListsLinksAndCode() {
        Document html = Jsoup.parse(markdown.html("""
                ## Root cause
                - a **retry storm**
                - see [the runbook](https://runbooks.example.com/checkout)

                `max_connections`"""));

        assertThat(html.select("h2").text()).isEqualTo("Root cause");
        assertThat(html.select("li strong").text()).isEqualTo("retry storm");
        assertThat(html.select("a").attr("href")).isEqualTo("https://runbooks.example.com/checkout");
        assertThat(html.select("code").text()).isEqualTo("max_connections");
    }

    @Test
    void aScriptInASectionIsShownAsTextNeverRun() {
        String html = markdown.html("Before <script>alert('x')</script> after\n\n<script>\nalert(1)\n</script>");

        assertThat(Jsoup.parse(html).select("script")).isEmpty();
        assertThat(Jsoup.parse(html).text()).contains("<script>alert('x')</script>");
    }

    @Test
    void anImageWithAnErrorHandlerHasNoHandler() {
        Document html = Jsoup.parse(markdown.html("<img src=x onerror=alert(1)>\n\n![x](x \"t\")"));

        assertThat(html.select("[onerror]")).isEmpty();
        assertThat(html.select("img")).isEmpty();
    }

    @Test
    void aJavascriptLinkLeadsNowhere() {
        Document html = Jsoup.parse(markdown.html("[click](javascript:alert(1)) and <a href=\"javascript:alert(2)\">raw</a>"
                + " and [data](data:text/html;base64,PHNjcmlwdD4=)"));

        assertThat(html.select("a[href]")).allSatisfy(link -> assertThat(link.attr("href"))
                .doesNotContainIgnoringCase("javascript").doesNotContainIgnoringCase("data:"));
        assertThat(html.select("a[href^=javascript], a[href^=data]")).isEmpty();
    }
}
