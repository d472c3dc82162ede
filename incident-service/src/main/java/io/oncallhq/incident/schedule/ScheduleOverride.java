package io.oncallhq.incident.schedule;

import java.time.Instant;

/** {@code responderId} covers the window {@code [start, end)}, whatever the rotations say. */
public record ScheduleOverride(String responderId, Instant start, Instant end) {

    boolean covers(Instant at) {
        return !at.isBefore(start) && at.isBefore(end);
    }
}
