package io.oncallhq.incident.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Time with nobody on call in a schedule, around a moment that has nobody.
 *
 * @param start the end of the last shift before, within {@link #HORIZON}; null when there is none
 * @param end   the start of the next shift, within {@link #HORIZON}; null when nothing is scheduled later
 */
public record Gap(Instant start, Instant end) {

    /** How far to look back and ahead: a rotation that has not started within it is as good as none. */
    static final Duration HORIZON = Duration.ofDays(7 * 8);

    public static Gap around(Schedule schedule, Instant now) {
        List<Shift> before = schedule.shiftsBetween(now.minus(HORIZON), now);
        List<Shift> after = schedule.shiftsBetween(now, now.plus(HORIZON));
        return new Gap(before.isEmpty() ? null : before.getLast().end(),
                after.isEmpty() ? null : after.getFirst().start());
    }
}
