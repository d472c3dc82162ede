package io.oncallhq.contracts.incident;

import io.oncallhq.contracts.Actor;
import io.oncallhq.contracts.EventType;

import java.time.Instant;

/** The incident was handed to another responder, who is paged for it. */
@EventType("incident.reassigned.v1")
public record IncidentReassigned(String incidentId, String responderId, String responderName, Actor by, Instant occurredAt)
        implements IncidentEvent {
}
