package io.oncallhq.contracts.incident;

import io.oncallhq.contracts.Actor;
import io.oncallhq.contracts.EventType;

import java.time.Instant;

/** A responder wrote a note on the incident's timeline. */
@EventType("incident.note-added.v1")
public record NoteAdded(String incidentId, Actor by, String text, Instant occurredAt) implements IncidentEvent {
}
