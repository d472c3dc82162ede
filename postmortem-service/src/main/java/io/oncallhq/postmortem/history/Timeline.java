package io.oncallhq.postmortem.history;

import io.oncallhq.contracts.Actor;
import io.oncallhq.contracts.Severity;
import io.oncallhq.contracts.incident.AlertAttached;
import io.oncallhq.contracts.incident.IncidentAcknowledged;
import io.oncallhq.contracts.incident.IncidentEscalated;
import io.oncallhq.contracts.incident.IncidentEvent;
import io.oncallhq.contracts.incident.IncidentReassigned;
import io.oncallhq.contracts.incident.IncidentReopened;
import io.oncallhq.contracts.incident.IncidentResolved;
import io.oncallhq.contracts.incident.IncidentTriggered;
import io.oncallhq.contracts.incident.NoteAdded;
import io.oncallhq.contracts.incident.PageRecorded;
import io.oncallhq.contracts.incident.PagingSuppressed;
import io.oncallhq.contracts.incident.PriorityChanged;
import io.oncallhq.contracts.incident.SeverityChanged;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Turns incident events into timeline entries. The texts are blameless: they say what the systems and the
 * responders did, never whose fault something was.
 */
final class Timeline {

    private Timeline() {
    }

    static TimelineEntry entryFor(String eventId, IncidentEvent event) {
        Instant at = atMillis(event.occurredAt());
        return switch (event) {
            case IncidentTriggered e -> new TimelineEntry(eventId, at, TimelineKind.TRIGGERED, null,
                    "Incident #" + e.number() + " triggered: " + e.title());
            case AlertAttached e -> new TimelineEntry(eventId, at, TimelineKind.ALERT_ATTACHED, null,
                    "Alert attached: " + e.summary() + (e.source() == null ? "" : " (source: " + e.source() + ")"));
            case SeverityChanged e -> new TimelineEntry(eventId, at, TimelineKind.SEVERITY_CHANGED, nameOf(e.by()),
                    "Severity changed from " + label(e.from()) + " to " + label(e.to()) + by(e.by()));
            case PriorityChanged e -> new TimelineEntry(eventId, at, TimelineKind.PRIORITY_CHANGED, nameOf(e.by()),
                    priorityText(e) + by(e.by()));
            case PagingSuppressed e -> new TimelineEntry(eventId, at, TimelineKind.PAGING_SUPPRESSED, null,
                    new PagingSuppression(e.silenceId(), e.reason(), at).sentence());
            case IncidentReassigned e -> new TimelineEntry(eventId, at, TimelineKind.REASSIGNED, nameOf(e.by()),
                    "Reassigned to " + (e.responderName() != null ? e.responderName() : e.responderId()) + by(e.by()));
            case PageRecorded e -> new TimelineEntry(eventId, at, TimelineKind.PAGE, null, pageText(e));
            case IncidentEscalated e -> new TimelineEntry(eventId, at, TimelineKind.ESCALATED, nameOf(e.by()),
                    "Escalated to level " + e.level() + because(e.reason()));
            case IncidentAcknowledged e -> new TimelineEntry(eventId, at, TimelineKind.ACKNOWLEDGED, nameOf(e.by()),
                    "Acknowledged" + by(e.by()));
            case NoteAdded e -> new TimelineEntry(eventId, at, TimelineKind.NOTE, nameOf(e.by()),
                    "Note: " + e.text());
            case IncidentResolved e -> new TimelineEntry(eventId, at, TimelineKind.RESOLVED, nameOf(e.by()),
                    "Resolved" + by(e.by()) + because(e.reason()));
            case IncidentReopened e -> new TimelineEntry(eventId, at, TimelineKind.REOPENED, nameOf(e.by()),
                    "Reopened" + by(e.by()) + because(e.reason()));
        };
    }

    /** MongoDB keeps milliseconds; projecting at that precision keeps stored and fresh histories equal. */
    static Instant atMillis(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }

    static String nameOf(Actor actor) {
        if (actor == null) {
            return null;
        }
        return actor.name() != null && !actor.name().isBlank() ? actor.name() : actor.id();
    }

    static String label(Severity severity) {
        return severity == null ? "unknown" : severity.name().toLowerCase(Locale.ROOT);
    }

    /** Either end may be missing: set for the first time, or cleared. */
    private static String priorityText(PriorityChanged change) {
        if (change.to() == null) {
            return change.from() == null ? "Priority cleared" : "Priority " + change.from() + " cleared";
        }
        return change.from() == null ? "Priority set to " + change.to()
                : "Priority changed from " + change.from() + " to " + change.to();
    }

    private static String pageText(PageRecorded page) {
        String whom = page.responderName() + " (level " + page.level() + ")";
        return switch (page.outcome()) {
            case PageRecorded.REQUESTED -> "Paging " + whom;
            case PageRecorded.DELIVERED -> "Paged " + whom + (page.detail() == null ? "" : " via " + page.detail());
            case PageRecorded.FAILED -> "Page to " + whom + " was not delivered" + because(page.detail());
            default -> "Page to " + whom + ": " + page.outcome();
        };
    }

    private static String by(Actor actor) {
        String name = nameOf(actor);
        return name == null ? "" : " by " + name;
    }

    private static String because(String reason) {
        return reason == null || reason.isBlank() ? "" : ": " + reason;
    }
}
