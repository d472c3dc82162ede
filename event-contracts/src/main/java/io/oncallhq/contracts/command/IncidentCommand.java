package io.oncallhq.contracts.command;

import io.oncallhq.contracts.Actor;
import io.oncallhq.contracts.ContractEvent;

import java.time.Instant;

/**
 * Requests on the {@code incident-commands} topic, keyed by incident id: a responder asks incident-service to
 * change an incident (from a Slack button, a slash command or any API client). incident-service decides.
 */
public sealed interface IncidentCommand extends ContractEvent
        permits AcknowledgeIncident, ResolveIncident, EscalateIncident, AddNote, ReassignIncident {

    String incidentId();

    Actor actor();

    Instant requestedAt();

    @Override
    default String partitionKey() {
        return incidentId();
    }

    @Override
    default String subject() {
        return incidentId();
    }
}
