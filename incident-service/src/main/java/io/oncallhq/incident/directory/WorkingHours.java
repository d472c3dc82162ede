package io.oncallhq.incident.directory;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * When a responder works, in their own time zone: on {@code days}, from {@code start} to {@code end}. An end at or
 * before the start means the window runs past midnight into the next day (a night shift counts for the day it
 * starts on). The times are kept as ISO strings ({@code 09:00}) so that no driver conversion through the JVM's
 * default zone can move them. Days are kept in week order, each once.
 */
public record WorkingHours(List<DayOfWeek> days, String start, String end) {

    public WorkingHours {
        days = days == null ? List.of() : days.stream().distinct().sorted().toList();
        LocalTime.parse(start);
        LocalTime.parse(end);
    }

    public WorkingHours(List<DayOfWeek> days, LocalTime start, LocalTime end) {
        this(days, start.toString(), end.toString());
    }

    public LocalTime startTime() {
        return LocalTime.parse(start);
    }

    public LocalTime endTime() {
        return LocalTime.parse(end);
    }

    boolean covers(ZonedDateTime local) {
        LocalTime time = local.toLocalTime();
        DayOfWeek day = local.getDayOfWeek();
        if (startTime().isBefore(endTime())) {
            return days.contains(day) && !time.isBefore(startTime()) && time.isBefore(endTime());
        }
        return days.contains(day) && !time.isBefore(startTime())
                || days.contains(day.minus(1)) && time.isBefore(endTime());
    }
}
