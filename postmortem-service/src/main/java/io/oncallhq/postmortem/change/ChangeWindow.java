package io.oncallhq.postmortem.change;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The time whose changes to its service an incident's post-mortem lists: from a lookback before the problem began
 * (what changed shortly before) until the incident's latest resolution (what changed while it was open, fixes and
 * rollbacks included). Both ends count.
 */
public record ChangeWindow(Instant from, Instant to) {

    /** Empty while the incident's start or resolution is unknown: there is no window to speak of yet. */
    public static Optional<ChangeWindow> of(Instant startedAt, Instant resolvedAt, Duration lookback) {
        if (startedAt == null || resolvedAt == null) {
            return Optional.empty();
        }
        return Optional.of(new ChangeWindow(startedAt.minus(lookback), resolvedAt));
    }

    public boolean contains(Instant at) {
        return !at.isBefore(from) && !at.isAfter(to);
    }
}
