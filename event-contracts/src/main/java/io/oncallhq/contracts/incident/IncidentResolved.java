package io.oncallhq.contracts.incident;

import io.oncallhq.contracts.Actor;
import io.oncallhq.contracts.EventType;

import java.time.Instant;

/** The incident is over. Its post-mortem is drafted from the incident's events. */
@EventType("incident.resolved.v1")
public record IncidentResolved(String incidentId, Actor by, String reason, Instant occurredAt)
        implements IncidentEvent {
}
