package io.oncallhq.incident.schedule;

import java.time.Instant;

/**
 * {@code responderId} covers the window {@code [start, end)}, whatever the rotations say.
 *
 * @param addedBy who added the override (the name of the credential that wrote it first); null when not known, as
 *                for overrides stored before authors were kept
 * @param addedAt when it was added; null when not known
 */
public record ScheduleOverride(String responderId, Instant start, Instant end, String addedBy, Instant addedAt) {

    /** An override not yet credited to anyone: as a request or a configuration document states it. */
    public ScheduleOverride(String responderId, Instant start, Instant end) {
        this(responderId, start, end, null, null);
    }

    boolean covers(Instant at) {
        return !at.isBefore(start) && at.isBefore(end);
    }

    /** The same responder and window: the same override, whoever is credited with it. */
    boolean sameCoverAs(ScheduleOverride other) {
        return responderId.equals(other.responderId) && start.equals(other.start) && end.equals(other.end);
    }

    ScheduleOverride addedBy(String by, Instant at) {
        return new ScheduleOverride(responderId, start, end, by, at);
    }
}
