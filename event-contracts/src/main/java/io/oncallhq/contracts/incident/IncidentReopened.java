package io.oncallhq.contracts.incident;

import io.oncallhq.contracts.Actor;
import io.oncallhq.contracts.EventType;

import java.time.Instant;

/** A resolved incident is open again (by hand, or because its alert fired again). */
@EventType("incident.reopened.v1")
public record IncidentReopened(String incidentId, Actor by, String reason, Instant occurredAt)
        implements IncidentEvent {
}
