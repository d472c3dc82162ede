package io.oncallhq.contracts.incident;

import io.oncallhq.contracts.Actor;
import io.oncallhq.contracts.EventType;

import java.time.Instant;

/**
 * The incident's priority was set or changed.
 *
 * @param from the previous priority ({@code P1} highest to {@code P5}), null when none was set
 * @param to   the new priority, null when it was cleared
 */
@EventType("incident.priority-changed.v1")
public record PriorityChanged(String incidentId, String from, String to, Actor by, Instant occurredAt)
        implements IncidentEvent {
}
