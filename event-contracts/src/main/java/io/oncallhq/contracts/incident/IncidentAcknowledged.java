package io.oncallhq.contracts.incident;

import io.oncallhq.contracts.Actor;
import io.oncallhq.contracts.EventType;

import java.time.Instant;

/** Someone took the incident: escalation stops. */
@EventType("incident.acknowledged.v1")
public record IncidentAcknowledged(String incidentId, Actor by, Instant occurredAt) implements IncidentEvent {
}
