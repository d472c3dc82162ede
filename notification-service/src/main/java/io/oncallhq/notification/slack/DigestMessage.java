package io.oncallhq.notification.slack;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import io.oncallhq.notification.paging.PageDigest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/**
 * The Block Kit form of a storm's digest: the headline ({@code [ERROR] 12 incidents on Checkout API in the last 2
 * min}), the newest few incidents with their numbers, titles and links, how many more there are, an Acknowledge all
 * button (its value the digest id, {@link IncidentAction#ACKNOWLEDGE_ALL}) and an Open button to the service's open
 * incidents.
 */
final class DigestMessage {

    static final String ACTIONS_BLOCK = "digest_actions";
    static final String OPEN_ACTION = "digest_open";
    /** How many of the digest's incidents the message lists, newest first. */
    static final int LISTED = 5;
    private static final int HEADER_LIMIT = 150;

    private DigestMessage() {
    }

    static List<LayoutBlock> blocks(PageDigest digest) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(PageMessage.truncate(digest.headline(), HEADER_LIMIT)))));
        blocks.add(section(s -> s.text(markdownText(newest(digest)))));
        int more = digest.entries().size() - LISTED;
        if (more > 0) {
            blocks.add(context(c -> c.elements(List.of(markdownText("… and " + more + " more, one message for all of "
                    + "them instead of a page each")))));
        }
        List<BlockElement> buttons = new ArrayList<>(List.of(button(b -> b.actionId(
                IncidentAction.ACKNOWLEDGE_ALL.actionId()).value(digest.id()).style("primary")
                .text(plainText("Acknowledge all")))));
        if (digest.incidentsUrl() != null) {
            buttons.add(button(b -> b.actionId(OPEN_ACTION).url(digest.incidentsUrl()).text(plainText("Open"))));
        }
        blocks.add(actions(a -> a.blockId(ACTIONS_BLOCK).elements(buttons)));
        return blocks;
    }

    /** The notification and screen-reader text: the headline and the newest incidents. */
    static String text(PageDigest digest) {
        String listed = digest.newest(LISTED).stream().map(entry -> "#" + entry.incidentNumber() + " " + entry.title())
                .collect(Collectors.joining(", "));
        String url = digest.incidentsUrl();
        return digest.headline() + ": " + listed + (url == null ? "" : " " + url);
    }

    /** {@code • <url|#42 Checkout latency high> (error)}, one line per incident, newest first. */
    private static String newest(PageDigest digest) {
        return digest.newest(LISTED).stream().map(entry -> {
            String incident = "#" + entry.incidentNumber() + " " + PageMessage.escape(entry.title());
            String linked = entry.incidentUrl() == null ? incident : "<" + entry.incidentUrl() + "|" + incident + ">";
            String severity = entry.severity() == null ? "" : " (" + entry.severity().name().toLowerCase(Locale.ROOT)
                    + ")";
            return "• " + linked + severity;
        }).collect(Collectors.joining("\n"));
    }
}
