package io.oncallhq.contracts.command;

import io.oncallhq.contracts.Actor;
import io.oncallhq.contracts.EventType;

import java.time.Instant;

/** Hand the incident to responder {@code responderId}, who is then paged. */
@EventType("command.reassign-incident.v1")
public record ReassignIncident(String incidentId, String responderId, Actor actor, Instant requestedAt)
        implements IncidentCommand {
}
