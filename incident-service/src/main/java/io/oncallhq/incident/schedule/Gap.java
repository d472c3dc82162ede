package io.oncallhq.incident.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Time with nobody on call in a schedule.
 *
 * @param start where it begins: the end of a shift; null around a moment when there is no shift before it within
 *              {@link #HORIZON}
 * @param end   where it ends: the start of the next shift; null around a moment when nothing is scheduled later within
 *              {@link #HORIZON}
 */
public record Gap(Instant start, Instant end) {

    /** How far to look back and ahead: a rotation that has not started within it is as good as none. */
    static final Duration HORIZON = Duration.ofDays(7 * 8);

    /** The gap holding {@code now}, a moment nobody is on call. */
    public static Gap around(Schedule schedule, Instant now) {
        Instant from = now.minus(HORIZON);
        Instant to = now.plus(HORIZON);
        Gap holding = within(schedule, from, to).stream()
                .filter(gap -> !gap.start().isAfter(now) && gap.end().isAfter(now))
                .findFirst().orElse(new Gap(now, now));
        return new Gap(holding.start().equals(from) ? null : holding.start(),
                holding.end().equals(to) ? null : holding.end());
    }

    /** Every time within {@code [from, to)} nobody is on call, in order, clipped to it. */
    public static List<Gap> within(Schedule schedule, Instant from, Instant to) {
        List<Gap> gaps = new ArrayList<>();
        Instant covered = from;
        for (Shift shift : schedule.shiftsBetween(from, to)) {
            if (shift.start().isAfter(covered)) {
                gaps.add(new Gap(covered, shift.start()));
            }
            covered = shift.end();
        }
        if (covered.isBefore(to)) {
            gaps.add(new Gap(covered, to));
        }
        return gaps;
    }
}
