package io.oncallhq.notification.slack;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import io.oncallhq.notification.paging.Page;
import io.oncallhq.notification.paging.PageState;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/**
 * The Block Kit form of a page: headline, service and level, a link to the incident, a status line, and the buttons
 * that still make sense (Acknowledge, Escalate and Resolve while open, Escalate and Resolve once acknowledged, none
 * once resolved). The
 * buttons carry the incident id as their value; {@link SlackInteractionsController} reads them back.
 */
final class PageMessage {

    static final String ACTIONS_BLOCK = "incident_actions";
    /** Slack's limit for a header block's text. */
    private static final int HEADER_LIMIT = 150;
    private static final DateTimeFormatter FALLBACK_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private PageMessage() {
    }

    static List<LayoutBlock> blocks(Page page, PageState state) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(truncate(page.headline(), HEADER_LIMIT)))));
        blocks.add(section(s -> s.text(markdownText(details(page)))));
        blocks.add(context(c -> c.elements(List.of(markdownText(statusLine(page, state))))));
        List<BlockElement> buttons = buttons(page, state);
        if (!buttons.isEmpty()) {
            blocks.add(actions(a -> a.blockId(ACTIONS_BLOCK).elements(buttons)));
        }
        return blocks;
    }

    /** The notification and screen-reader text: everything important without Block Kit. */
    static String text(Page page, PageState state) {
        StringBuilder text = new StringBuilder(page.headline()).append(" (").append(page.serviceName()).append(")");
        switch (state.status()) {
            case OPEN -> text.append(": you are paged (level ").append(page.level()).append(")");
            case ACKNOWLEDGED -> text.append(": acknowledged by ").append(state.by());
            case RESOLVED -> text.append(": resolved by ").append(state.by());
        }
        if (page.incidentUrl() != null) {
            text.append(" ").append(page.incidentUrl());
        }
        return text.toString();
    }

    private static String details(Page page) {
        StringBuilder details = new StringBuilder()
                .append("*Service:* ").append(escape(page.serviceName()))
                .append("\n*Escalation level:* ").append(page.level());
        if (page.incidentUrl() != null) {
            details.append("\n<").append(page.incidentUrl()).append("|View incident #").append(page.incidentNumber())
                    .append(">");
        }
        return details.toString();
    }

    private static String statusLine(Page page, PageState state) {
        return switch (state.status()) {
            case OPEN -> ":rotating_light: Triggered, paging " + escape(responderName(page));
            case ACKNOWLEDGED -> ":eyes: Acknowledged by " + escape(state.by()) + " at " + time(state.at());
            case RESOLVED -> ":white_check_mark: Resolved by " + escape(state.by()) + " at " + time(state.at());
        };
    }

    private static List<BlockElement> buttons(Page page, PageState state) {
        BlockElement acknowledge = button(b -> b.actionId(IncidentAction.ACKNOWLEDGE.actionId())
                .value(page.incidentId()).style("primary").text(plainText("Acknowledge")));
        BlockElement escalate = button(b -> b.actionId(IncidentAction.ESCALATE.actionId())
                .value(page.incidentId()).text(plainText("Escalate")));
        BlockElement resolve = button(b -> b.actionId(IncidentAction.RESOLVE.actionId())
                .value(page.incidentId()).style("danger").text(plainText("Resolve")));
        return switch (state.status()) {
            case OPEN -> List.of(acknowledge, escalate, resolve);
            case ACKNOWLEDGED -> List.of(escalate, resolve);
            case RESOLVED -> List.of();
        };
    }

    /** Shown in each reader's own time zone by Slack, with a UTC fallback. */
    static String time(Instant at) {
        if (at == null) {
            return "an unknown time";
        }
        return "<!date^" + at.getEpochSecond() + "^{date_short_pretty} {time}|" + FALLBACK_TIME.format(at) + ">";
    }

    private static String responderName(Page page) {
        if (page.responder() == null) {
            return "the on-call responder";
        }
        return page.responder().name() != null ? page.responder().name() : page.responder().responderId();
    }

    /** Slack mrkdwn treats these three as control characters. */
    private static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String truncate(String text, int limit) {
        return text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
    }
}
