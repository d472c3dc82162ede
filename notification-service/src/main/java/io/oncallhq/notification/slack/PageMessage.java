package io.oncallhq.notification.slack;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import io.oncallhq.contracts.page.PageUnroutable;
import io.oncallhq.notification.paging.IncidentChange;
import io.oncallhq.notification.paging.Page;
import io.oncallhq.notification.paging.Paged;
import io.oncallhq.notification.paging.PageState;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/**
 * The Block Kit form of a page: headline, service and level, a link to the incident, on a responder's own page why they
 * were paged, the service's recent changes ({@link RecentChangesSection}), a status line, and the buttons that still make sense (Acknowledge, Escalate and
 * Resolve while open, Escalate and Resolve once acknowledged, none once resolved). The buttons carry the incident id
 * as their value; {@link SlackInteractionsController} reads them back.
 */
final class PageMessage {

    static final String ACTIONS_BLOCK = "incident_actions";
    /** Slack's limit for a header block's text. */
    private static final int HEADER_LIMIT = 150;
    private static final DateTimeFormatter FALLBACK_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private PageMessage() {
    }

    /** The responder's direct message. */
    static List<LayoutBlock> blocks(Page page, PageState state) {
        return blocks(page, List.of(), state);
    }

    /** The team channel's message about the incident, listing everyone paged (a DM passes nobody). */
    static List<LayoutBlock> blocks(Page page, List<Paged> paged, PageState state) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(truncate(page.headline(), HEADER_LIMIT)))));
        blocks.add(section(s -> s.text(markdownText(details(page, paged)))));
        if (paged.isEmpty() && page.whyPaged() != null) {
            blocks.add(context(c -> c.elements(List.of(markdownText(whyPaged(page))))));
        }
        RecentChangesSection.of(page).ifPresent(blocks::add);
        blocks.add(context(c -> c.elements(List.of(markdownText(statusLine(page, paged, state))))));
        List<BlockElement> buttons = buttons(page, state);
        if (!buttons.isEmpty()) {
            blocks.add(actions(a -> a.blockId(ACTIONS_BLOCK).elements(buttons)));
        }
        return blocks;
    }

    /** The notification and screen-reader text: everything important without Block Kit. */
    static String text(Page page, PageState state) {
        return text(page, List.of(), state);
    }

    static String text(Page page, List<Paged> paged, PageState state) {
        StringBuilder text = new StringBuilder(page.headline()).append(" (").append(page.serviceName()).append(")");
        switch (state.status()) {
            case OPEN -> text.append(paged.isEmpty() ? ": you are paged (level " + page.level() + ")"
                    : ": paging " + pagedList(paged, false));
            case ACKNOWLEDGED -> text.append(": acknowledged by ").append(state.by());
            case RESOLVED -> text.append(": resolved by ").append(state.by());
        }
        if (page.incidentUrl() != null) {
            text.append(" ").append(page.incidentUrl());
        }
        return text.toString();
    }

    /** A level could page nobody: who should know, why, and where the incident is. */
    static String unroutable(PageUnroutable unroutable) {
        String link = unroutable.incidentUrl() == null ? "" : " <" + unroutable.incidentUrl() + "|Open the incident>";
        return ":warning: Nobody could be paged at level " + unroutable.level() + " for [" + unroutable.severity()
                + "] #" + unroutable.incidentNumber() + " " + escape(unroutable.title()) + " ("
                + escape(unroutable.serviceName()) + "): " + escape(unroutable.detail()) + "." + link;
    }

    /** One line of a message's thread about a change of its incident. */
    static String threadLine(IncidentChange change) {
        String who = escape(change.by()) + " at " + time(change.at());
        return switch (change.kind()) {
            case ACKNOWLEDGED -> ":eyes: Acknowledged by " + who;
            case RESOLVED -> ":white_check_mark: Resolved by " + who;
            case ESCALATED -> ":arrow_double_up: Escalated to level " + change.detail() + " by " + who;
            case REASSIGNED -> ":busts_in_silhouette: Reassigned to " + escape(change.detail()) + " by " + who;
            case REOPENED -> ":rotating_light: Reopened by " + who;
        };
    }

    /** {@code :mag: Why you: on call in Payments primary, layer Weekly, Dec 7 09:00 – Dec 14 09:00 UTC} */
    static String whyPaged(Page page) {
        return ":mag: Why you: " + escape(page.whyPaged());
    }

    private static String details(Page page, List<Paged> paged) {
        StringBuilder details = new StringBuilder().append("*Service:* ").append(escape(page.serviceName()));
        if (paged.isEmpty()) {
            details.append("\n*Escalation level:* ").append(page.level());
        } else {
            details.append("\n*Paged:* ").append(pagedList(paged, true));
        }
        if (page.incidentUrl() != null) {
            details.append("\n<").append(page.incidentUrl()).append("|View incident #").append(page.incidentNumber())
                    .append(">");
        }
        return details.toString();
    }

    private static String statusLine(Page page, List<Paged> paged, PageState state) {
        String status = switch (state.status()) {
            case OPEN -> ":rotating_light: Triggered, paging "
                    + (paged.isEmpty() ? escape(responderName(page)) : pagedList(paged, true));
            case ACKNOWLEDGED -> ":eyes: Acknowledged by " + escape(state.by()) + " at " + time(state.at());
            case RESOLVED -> ":white_check_mark: Resolved by " + escape(state.by()) + " at " + time(state.at());
        };
        // An escalation or reassignment keeps the status; the message says it happened.
        IncidentChange latest = state.latest();
        boolean besides = latest != null && (latest.kind() == IncidentChange.Kind.ESCALATED
                || latest.kind() == IncidentChange.Kind.REASSIGNED);
        return besides ? status + "\n" + threadLine(latest) : status;
    }

    /** {@code Alex Rivera (level 1), Kim Park (level 2)}. */
    private static String pagedList(List<Paged> paged, boolean markup) {
        return paged.stream().map(entry -> (markup ? escape(entry.name()) : entry.name()) + " (level "
                + entry.level() + ")").collect(Collectors.joining(", "));
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
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String truncate(String text, int limit) {
        return text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
    }
}
