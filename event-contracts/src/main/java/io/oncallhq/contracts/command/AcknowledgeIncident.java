package io.oncallhq.contracts.command;

import io.oncallhq.contracts.Actor;
import io.oncallhq.contracts.EventType;

import java.time.Instant;

@EventType("command.acknowledge-incident.v1")
public record AcknowledgeIncident(String incidentId, Actor actor, Instant requestedAt) implements IncidentCommand {
}
