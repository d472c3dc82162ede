package io.oncallhq.incident.change;

import java.time.Duration;
import java.time.Instant;

/**
 * The time whose changes to its service an incident shows: from a lookback before it was triggered (what changed
 * shortly before) until a page is requested, or for the incident itself until it resolved (until now while it is
 * open). Both ends count.
 */
public record ChangeWindow(Instant from, Instant to) {

    /** The changes a page of an incident triggered at {@code triggeredAt} carries when requested at {@code now}. */
    public static ChangeWindow forPage(Instant triggeredAt, Duration lookback, Instant now) {
        return new ChangeWindow(triggeredAt.minus(lookback), now);
    }

    /** The changes the incident API lists: up to the resolution of a resolved incident, up to now otherwise. */
    public static ChangeWindow forIncident(Instant triggeredAt, Instant resolvedAt, Duration lookback, Instant now) {
        return new ChangeWindow(triggeredAt.minus(lookback), resolvedAt == null ? now : resolvedAt);
    }
}
