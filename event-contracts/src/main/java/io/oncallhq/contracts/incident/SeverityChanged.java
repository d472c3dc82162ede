package io.oncallhq.contracts.incident;

import io.oncallhq.contracts.Actor;
import io.oncallhq.contracts.EventType;
import io.oncallhq.contracts.Severity;

import java.time.Instant;

/** The incident's severity was raised or lowered. */
@EventType("incident.severity-changed.v1")
public record SeverityChanged(String incidentId, Severity from, Severity to, Actor by, Instant occurredAt)
        implements IncidentEvent {
}
