package io.oncallhq.contracts.incident;

import io.oncallhq.contracts.EventType;
import io.oncallhq.contracts.Severity;
import io.oncallhq.contracts.alert.AlertLink;

import java.time.Instant;
import java.util.List;

/** An alert became part of the incident: the first one that opened it, or a later one grouped into it. */
@EventType("incident.alert-attached.v1")
public record AlertAttached(
        String incidentId,
        String dedupKey,
        String integrationType,
        String summary,
        Severity severity,
        String source,
        List<AlertLink> links,
        Instant startedAt,
        Instant occurredAt) implements IncidentEvent {
}
