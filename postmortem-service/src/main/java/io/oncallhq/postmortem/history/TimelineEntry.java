package io.oncallhq.postmortem.history;

import java.time.Instant;

/**
 * One line of an incident's timeline, projected from one event (whose id it keeps, so a redelivered event is
 * recognised).
 *
 * @param actor the name of who acted, or null when the system did
 */
public record TimelineEntry(String eventId, Instant at, TimelineKind kind, String actor, String text) {
}
