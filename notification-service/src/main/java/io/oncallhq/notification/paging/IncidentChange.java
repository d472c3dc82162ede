package io.oncallhq.notification.paging;

import io.oncallhq.contracts.Actor;
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
import java.util.Optional;

/**
 * A state change of an incident that its page messages show: rewritten in place, and one line in their thread.
 *
 * @param by     who did it (a display name)
 * @param detail the escalation level ({@code 2}) or the new responder's name; null otherwise
 */
public record IncidentChange(Kind kind, String by, Instant at, String detail) {

    public enum Kind { ACKNOWLEDGED, RESOLVED, ESCALATED, REASSIGNED, REOPENED }

    /** The change an incident event makes to the messages; empty for events they do not show. */
    public static Optional<IncidentChange> of(IncidentEvent event) {
        IncidentChange change = switch (event) {
            case IncidentAcknowledged e -> new IncidentChange(Kind.ACKNOWLEDGED, nameOf(e.by()), e.occurredAt(), null);
            case IncidentResolved e -> new IncidentChange(Kind.RESOLVED, nameOf(e.by()), e.occurredAt(), null);
            case IncidentEscalated e -> new IncidentChange(Kind.ESCALATED, nameOf(e.by()), e.occurredAt(),
                    String.valueOf(e.level()));
            case IncidentReassigned e -> new IncidentChange(Kind.REASSIGNED, nameOf(e.by()), e.occurredAt(),
                    e.responderName() != null ? e.responderName() : e.responderId());
            case IncidentReopened e -> new IncidentChange(Kind.REOPENED, nameOf(e.by()), e.occurredAt(), null);
            case IncidentTriggered ignored -> null;
            case AlertAttached ignored -> null;
            case NoteAdded ignored -> null;
            case SeverityChanged ignored -> null;
            case PageRecorded ignored -> null;
            case PriorityChanged ignored -> null;
            case PagingSuppressed ignored -> null;
        };
        return Optional.ofNullable(change);
    }

    /**
     * What a message in {@code current} shows after this change. Escalating and reassigning keep the incident's
     * status (incident-service escalates acknowledged incidents too); reopening brings the buttons back.
     */
    public PageState applyTo(PageState current) {
        return switch (kind) {
            case ACKNOWLEDGED -> new PageState(PageState.Status.ACKNOWLEDGED, by, at, this);
            case RESOLVED -> new PageState(PageState.Status.RESOLVED, by, at, this);
            case REOPENED -> new PageState(PageState.Status.OPEN, null, null, this);
            case ESCALATED, REASSIGNED -> new PageState(current.status(), current.by(), current.at(), this);
        };
    }

    private static String nameOf(Actor actor) {
        if (actor == null) {
            return "someone";
        }
        return actor.name() != null && !actor.name().isBlank() ? actor.name() : actor.id();
    }
}
