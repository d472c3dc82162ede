package io.oncallhq.postmortem.export;

import io.oncallhq.postmortem.actionitems.ActionItem;
import io.oncallhq.postmortem.actionitems.ActionItemStatus;
import io.oncallhq.postmortem.change.ServiceChange;
import io.oncallhq.postmortem.document.Postmortem;
import io.oncallhq.postmortem.document.Section;
import io.oncallhq.postmortem.drafting.GeneratedText;
import io.oncallhq.postmortem.drafting.IncidentFacts;
import io.oncallhq.postmortem.drafting.TimeSpan;
import io.oncallhq.postmortem.history.IncidentAlert;
import io.oncallhq.postmortem.history.Link;
import io.oncallhq.postmortem.history.PagedResponder;
import io.oncallhq.postmortem.template.Template;
import io.oncallhq.postmortem.timeline.TimelineCuration.CuratedEntry;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A post-mortem as a Markdown document for a wiki or a git repository: title, a facts table, the sections in
 * template order (the action-items section lists the tracked items), the responders, the changes to the service and
 * the alerts with their links (the first {@value IncidentFacts#ALERTS_LISTED}, and how many more), and the timeline as curated (hidden entries left out, highlighted ones in bold,
 * annotations in italics, the mitigation marked).
 */
public final class MarkdownExport {

    private MarkdownExport() {
    }

    public static String render(Postmortem postmortem, List<ActionItem> actionItems, String incidentUrl) {
        IncidentFacts facts = postmortem.facts();
        StringBuilder md = new StringBuilder();
        md.append("# ").append(inline(postmortem.title())).append("\n\n");
        md.append("| | |\n| --- | --- |\n");
        row(md, "Status", postmortem.status().wire() + " (revision " + postmortem.revision() + ")");
        row(md, "Incident", facts.incidentNumber() == null ? "[" + postmortem.incidentId() + "](" + incidentUrl + ")"
                : "[#" + facts.incidentNumber() + "](" + incidentUrl + ")");
        row(md, "Service", facts.serviceName() != null ? facts.serviceName() + " (`" + facts.serviceId() + "`)"
                : facts.serviceId());
        row(md, "Team", facts.teamId());
        row(md, "Severity", facts.severity() == null ? null : facts.severity().name().toLowerCase(Locale.ROOT));
        row(md, "Priority", facts.priority());
        row(md, "Started", at(facts.startedAt()));
        row(md, "Acknowledged", at(facts.acknowledgedAt()) + by(facts.acknowledgedBy()));
        row(md, "Mitigated", postmortem.mitigation() == null ? null
                : at(facts.mitigatedAt()) + " (marked" + by(postmortem.mitigation().by()) + ")");
        row(md, "Resolved", at(facts.resolvedAt()) + by(facts.resolvedBy()));
        row(md, "Time to acknowledge", span(facts.timeToAcknowledge()));
        row(md, "Time to mitigate", span(facts.timeToMitigate()));
        row(md, "Time to resolve", span(facts.timeToResolve()));
        row(md, "Paging", facts.suppression() == null ? null : facts.suppression().sentence());
        row(md, "Author", postmortem.roles().author());
        row(md, "Reviewers", postmortem.roles().reviewers().isEmpty() ? null
                : String.join(", ", postmortem.roles().reviewers()));
        md.append('\n');
        for (Section section : postmortem.content()) {
            md.append("## ").append(inline(section.heading())).append("\n\n");
            if (Template.ACTION_ITEMS.equals(section.key())) {
                appendText(md, section.text());
                appendActionItems(md, actionItems);
            } else {
                appendText(md, section.text().isBlank() ? "_Not written yet._" : section.text());
            }
        }
        appendResponders(md, facts);
        if (!facts.changes().isEmpty()) {
            md.append("## Changes\n\n");
            facts.changes().forEach(change -> md.append("- ").append(change(change)).append('\n'));
            md.append('\n');
        }
        if (!facts.alerts().isEmpty()) {
            md.append("## Alerts\n\n");
            facts.alerts().forEach(alert -> md.append("- ").append(alert(alert)).append('\n'));
            int more = facts.alertCount() - facts.alerts().size();
            if (more > 0) {
                md.append(String.format(Locale.ROOT, "- _and %,d more alert%s_%n", more, more == 1 ? "" : "s"));
            }
            md.append('\n');
        }
        md.append("## Timeline\n\n| Time | Event |\n| --- | --- |\n");
        for (CuratedEntry entry : postmortem.curatedTimeline()) {
            if (entry.hidden()) {
                continue;
            }
            String text = entry.highlighted() ? "**" + cell(entry.text()) + "**" : cell(entry.text());
            if (entry.annotation() != null && !entry.annotation().isBlank()) {
                text += " — _" + cell(entry.annotation()) + "_";
            }
            if (postmortem.mitigation() != null && entry.eventId().equals(postmortem.mitigation().eventId())) {
                text += " (mitigated)";
            }
            md.append("| ").append(at(entry.at())).append(" | ").append(text).append(" |\n");
        }
        return md.toString();
    }

    /** Every page by escalation level, then the people who acted without being paged. */
    private static void appendResponders(StringBuilder md, IncidentFacts facts) {
        if (facts.responders().isEmpty() && facts.participants().isEmpty()) {
            return;
        }
        md.append("## Responders\n\n| Responder | Paged at level | Page |\n| --- | --- | --- |\n");
        for (PagedResponder page : facts.responders()) {
            md.append("| ").append(cell(page.name())).append(" | ").append(page.level()).append(" | ")
                    .append(cell(page.outcome() + (page.detail() == null ? "" : " (" + page.detail() + ")"))).append(" |\n");
        }
        Set<String> paged = facts.responders().stream().map(PagedResponder::responderId).collect(Collectors.toSet());
        facts.participants().stream().filter(participant -> !paged.contains(participant.id()))
                .forEach(participant -> md.append("| ").append(cell(participant.name() == null ? participant.id()
                        : participant.name())).append(" | | not paged |\n"));
        md.append('\n');
    }

    private static void appendActionItems(StringBuilder md, List<ActionItem> items) {
        if (items.isEmpty()) {
            md.append("_None yet._\n\n");
            return;
        }
        md.append("| | Action | Owner | Due | Priority | Status |\n| --- | --- | --- | --- | --- | --- |\n");
        for (ActionItem item : items) {
            String title = item.issueUrl() == null ? cell(item.title()) : "[" + cell(item.title()) + "](" + item.issueUrl() + ")";
            md.append("| ").append(item.status() == ActionItemStatus.OPEN ? "[ ]" : "[x]")
                    .append(" | ").append(title)
                    .append(" | ").append(cell(item.owner()))
                    .append(" | ").append(item.dueDate() == null ? "" : item.dueDate())
                    .append(" | ").append(item.priority().wire())
                    .append(" | ").append(item.status().wire().replace('_', ' ')).append(" |\n");
        }
        md.append('\n');
    }

    private static void appendText(StringBuilder md, String text) {
        if (!text.isBlank()) {
            md.append(text.strip()).append("\n\n");
        }
    }

    private static void row(StringBuilder md, String name, String value) {
        if (value != null && !value.isBlank()) {
            md.append("| ").append(name).append(" | ").append(cell(value)).append(" |\n");
        }
    }

    private static String alert(IncidentAlert alert) {
        return described(alert.summary(), alert.source(), alert.links());
    }

    private static String change(ServiceChange change) {
        return at(change.occurredAt()) + " " + described(change.summary(), change.source(), change.links());
    }

    /** {@code summary (source) [link](href) ...} */
    private static String described(String summary, String source, List<Link> links) {
        StringBuilder text = new StringBuilder(inline(summary));
        if (source != null) {
            text.append(" (").append(inline(source)).append(')');
        }
        links.forEach(link -> text.append(" [").append(inline(link.text() == null ? link.href() : link.text()))
                .append("](").append(destination(link.href())).append(')'));
        return text.toString();
    }

    /** Monitoring links may hold spaces or parentheses (a PromQL expression), which end a Markdown link. */
    private static String destination(String href) {
        return href.strip().replace(" ", "%20").replace("(", "%28").replace(")", "%29");
    }

    private static String span(TimeSpan span) {
        return span == null ? null : GeneratedText.span(span);
    }

    private static String at(Instant instant) {
        return instant == null ? "" : GeneratedText.at(instant);
    }

    private static String by(String who) {
        return who == null ? "" : " by " + who;
    }

    /** Table cells hold one line and no unescaped pipes. */
    private static String cell(String text) {
        return text == null ? "" : inline(text).replace("|", "\\|");
    }

    private static String inline(String text) {
        return text == null ? "" : text.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
