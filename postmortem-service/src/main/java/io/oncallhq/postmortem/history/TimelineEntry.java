package io.oncallhq.postmortem.history;

import java.time.Instant;
import java.util.Comparator;

/**
 * One line of an incident's timeline, projected from one event (whose id it keeps, so a redelivered event is
 * recognised), or from a change to the incident's service.
 *
 * @param actor the name of who acted, or null when the system did
 */
public record TimelineEntry(String eventId, Instant at, TimelineKind kind, String actor, String text) {

    /** By time; same-instant entries in the order of their {@link TimelineKind}; then stable by id. */
    public static final Comparator<TimelineEntry> ORDER = Comparator.comparing(TimelineEntry::at)
            .thenComparing(TimelineEntry::kind)
            .thenComparing(TimelineEntry::eventId);
}
