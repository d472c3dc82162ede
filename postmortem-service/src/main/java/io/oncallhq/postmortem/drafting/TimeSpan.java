package io.oncallhq.postmortem.drafting;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** A measured duration, both as ISO-8601 ({@code PT4M30S}) for people and in seconds for aggregation. */
public record TimeSpan(String iso, long seconds) {

    /** Empty when either end is unknown. */
    static Optional<TimeSpan> between(Instant from, Instant to) {
        if (from == null || to == null) {
            return Optional.empty();
        }
        Duration duration = Duration.between(from, to);
        return Optional.of(new TimeSpan(duration.toString(), duration.toSeconds()));
    }
}
