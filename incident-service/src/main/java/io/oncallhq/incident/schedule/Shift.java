package io.oncallhq.incident.schedule;

import java.time.Instant;

/** Someone on call from {@code start} (inclusive) to {@code end} (exclusive). */
public record Shift(String responderId, Instant start, Instant end) {
}
