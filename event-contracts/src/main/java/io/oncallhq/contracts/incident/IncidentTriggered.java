package io.oncallhq.contracts.incident;

import io.oncallhq.contracts.EventType;
import io.oncallhq.contracts.Severity;

import java.time.Instant;

/** A new incident was opened for a service, by an alert or by hand. */
@EventType("incident.triggered.v1")
public record IncidentTriggered(
        String incidentId,
        long number,
        String serviceId,
        String serviceName,
        String teamId,
        String title,
        Severity severity,
        String dedupKey,
        Instant occurredAt) implements IncidentEvent {
}
