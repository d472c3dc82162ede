package io.oncallhq.contracts.incident;

import io.oncallhq.contracts.ContractEvent;

import java.time.Instant;

/** Events on the {@code incidents} topic, keyed by incident id: the incident's own log. */
public sealed interface IncidentEvent extends ContractEvent
        permits IncidentTriggered, AlertAttached, IncidentAcknowledged, IncidentEscalated, IncidentResolved,
        IncidentReopened, NoteAdded, SeverityChanged, PageRecorded, IncidentReassigned, PriorityChanged,
        PagingSuppressed {

    String incidentId();

    /** When it happened, as decided by incident-service. */
    Instant occurredAt();

    @Override
    default String partitionKey() {
        return incidentId();
    }

    @Override
    default String subject() {
        return incidentId();
    }
}
