package io.oncallhq.notification.slack;

import com.slack.api.model.block.LayoutBlock;
import io.oncallhq.contracts.page.RecentChange;
import io.oncallhq.notification.paging.Page;

import java.util.List;
import java.util.Optional;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

/**
 * The section under a page's details answering "what changed?": a heading and one line per change of the service
 * before the page, newest first ({@code • 10 min before: <href|summary> (source)}). Nothing at all when there were
 * none. The senders' text is escaped, a long summary is cut, and changes that would take the section past Slack's
 * limit are counted instead of shown.
 */
final class RecentChangesSection {

    /** Slack's limit for a section's text. */
    private static final int SECTION_LIMIT = 3000;
    private static final int SUMMARY_LIMIT = 200;
    /** A link longer than this is left out rather than crowd out the other changes. */
    private static final int HREF_LIMIT = 1000;
    /** Room kept for the closing "… and N more" line. */
    private static final int MORE_LINE_ROOM = 32;

    private RecentChangesSection() {
    }

    static Optional<LayoutBlock> of(Page page) {
        List<RecentChange> changes = page.recentChanges();
        if (changes.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder("*Recent changes*");
        for (int shown = 0; shown < changes.size(); shown++) {
            String line = "\n• " + line(page, changes.get(shown));
            if (text.length() + line.length() > SECTION_LIMIT - MORE_LINE_ROOM) {
                text.append("\n… and ").append(changes.size() - shown).append(" more");
                break;
            }
            text.append(line);
        }
        return Optional.of(section(s -> s.text(markdownText(text.toString()))));
    }

    private static String line(Page page, RecentChange change) {
        StringBuilder line = new StringBuilder();
        String when = page.whenChanged(change);
        if (when != null) {
            line.append(when).append(": ");
        }
        String summary = PageMessage.escape(PageMessage.truncate(Page.summaryOf(change), SUMMARY_LIMIT));
        String href = linkTarget(change.href());
        line.append(href == null ? summary : "<" + href + "|" + summary + ">");
        if (change.source() != null && !change.source().isBlank()) {
            line.append(" (").append(PageMessage.escape(PageMessage.truncate(change.source(), SUMMARY_LIMIT)))
                    .append(")");
        }
        return line.toString();
    }

    /** The href as a Slack link target: http(s) only, escaped, with the characters that end a link encoded. */
    private static String linkTarget(String href) {
        if (href == null || href.length() > HREF_LIMIT
                || !(href.startsWith("https://") || href.startsWith("http://"))) {
            return null;
        }
        return PageMessage.escape(href).replace("|", "%7C").replace(" ", "%20");
    }
}
