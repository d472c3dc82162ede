package io.oncallhq.incident.directory;

import io.oncallhq.contracts.page.PageUnroutable;
import io.oncallhq.incident.schedule.Gap;
import io.oncallhq.incident.schedule.Schedule;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Why a level of an escalation policy pages nobody.
 *
 * @param reason one of {@code PageUnroutable}'s reasons
 * @param detail the cause in words, for the timeline and the team channel
 * @param gap    for {@link PageUnroutable#SCHEDULE_GAP}, the schedule's time with nobody on call; null otherwise
 */
public record Unroutable(String reason, String detail, String scheduleId, String scheduleName, Gap gap) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY_AND_TIME =
            DateTimeFormatter.ofPattern("MMM d HH:mm").withZone(ZoneOffset.UTC);

    static Unroutable scheduleGap(Schedule schedule, Instant now) {
        Gap gap = Gap.around(schedule, now);
        String name = schedule.name() == null ? schedule.id() : schedule.name();
        String when;
        if (gap.start() != null && gap.end() != null) {
            when = " from " + at(gap.start(), now) + " to " + at(gap.end(), now) + " UTC";
        } else if (gap.end() != null) {
            when = " until " + at(gap.end(), now) + " UTC";
        } else if (gap.start() != null) {
            when = " since " + at(gap.start(), now) + " UTC, and nobody is scheduled later";
        } else {
            when = ", and nobody is scheduled";
        }
        return new Unroutable(PageUnroutable.SCHEDULE_GAP, "nobody on call in " + name + when, schedule.id(), name,
                gap);
    }

    static Unroutable unknownSchedule(String scheduleId) {
        return new Unroutable(PageUnroutable.SCHEDULE_GAP, "schedule " + scheduleId + " no longer exists", scheduleId,
                null, new Gap(null, null));
    }

    static Unroutable noContact(Responder responder) {
        return new Unroutable(PageUnroutable.NO_CONTACT, responder.name() + " has no way to be reached", null, null,
                null);
    }

    static Unroutable responderMissing(String responderId) {
        return new Unroutable(PageUnroutable.RESPONDER_MISSING, "responder " + responderId + " no longer exists", null,
                null, null);
    }

    static Unroutable nobodyOnLevel() {
        return new Unroutable(PageUnroutable.NO_ONE_ON_CALL, "the level names no responder and no schedule", null,
                null, null);
    }

    public static Unroutable noLevels() {
        return new Unroutable(PageUnroutable.NO_ONE_ON_CALL, "the escalation policy has no levels", null, null, null);
    }

    /** The time alone on the day of {@code now}, with the day otherwise. */
    static String at(Instant instant, Instant now) {
        boolean sameDay = instant.atZone(ZoneOffset.UTC).toLocalDate().equals(now.atZone(ZoneOffset.UTC).toLocalDate());
        return (sameDay ? TIME : DAY_AND_TIME).format(instant);
    }
}
