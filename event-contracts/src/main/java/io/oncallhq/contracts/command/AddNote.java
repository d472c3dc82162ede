package io.oncallhq.contracts.command;

import io.oncallhq.contracts.Actor;
import io.oncallhq.contracts.EventType;

import java.time.Instant;

@EventType("command.add-note.v1")
public record AddNote(String incidentId, Actor actor, String text, Instant requestedAt) implements IncidentCommand {
}
