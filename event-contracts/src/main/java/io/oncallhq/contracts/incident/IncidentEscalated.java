package io.oncallhq.contracts.incident;

import io.oncallhq.contracts.Actor;
import io.oncallhq.contracts.EventType;

import java.time.Instant;

/** The incident moved to the next level of its escalation policy. */
@EventType("incident.escalated.v1")
public record IncidentEscalated(String incidentId, int level, Actor by, String reason, Instant occurredAt)
        implements IncidentEvent {
}
