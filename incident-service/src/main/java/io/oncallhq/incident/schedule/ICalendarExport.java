package io.oncallhq.incident.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;

/**
 * A schedule's shifts as an iCalendar (RFC 5545) document. Events carry local times with the schedule's
 * {@code TZID}, and a {@code VTIMEZONE} built from the JDK's zone rules lists every offset change in the exported
 * window (one observance per transition, no recurrence rules to get wrong), so calendar clients show 09:00
 * handoffs at 09:00 on both sides of a DST change.
 */
public final class ICalendarExport {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private ICalendarExport() {
    }

    public static String of(Schedule schedule, List<Shift> shifts, Instant from, Instant to, Instant now) {
        ZoneId zone = schedule.zone();
        List<String> lines = new ArrayList<>(List.of("BEGIN:VCALENDAR", "VERSION:2.0",
                "PRODID:-//oncallhq//incident-service//EN", "CALSCALE:GREGORIAN",
                "X-WR-CALNAME:" + text(schedule.name())));
        lines.addAll(timezone(zone, from, to));
        for (Shift shift : shifts) {
            lines.add("BEGIN:VEVENT");
            lines.add("UID:" + schedule.id() + "-" + shift.start().getEpochSecond() + "-" + shift.responderId()
                    + "@oncallhq");
            lines.add("DTSTAMP:" + UTC.format(now));
            lines.add("DTSTART;TZID=" + zone.getId() + ":" + LOCAL.format(shift.start().atZone(zone)));
            lines.add("DTEND;TZID=" + zone.getId() + ":" + LOCAL.format(shift.end().atZone(zone)));
            lines.add("SUMMARY:" + text("On call: " + shift.responderId()));
            lines.add("END:VEVENT");
        }
        lines.add("END:VCALENDAR");
        return String.join("\r\n", lines) + "\r\n";
    }

    /** The offset in force at {@code from}, then every transition up to {@code to}. */
    static List<String> timezone(ZoneId zone, Instant from, Instant to) {
        ZoneRules rules = zone.getRules();
        List<String> lines = new ArrayList<>(List.of("BEGIN:VTIMEZONE", "TZID:" + zone.getId()));
        ZoneOffset initial = rules.getOffset(from);
        ZoneOffsetTransition previous = rules.previousTransition(from);
        ZoneOffset before = previous == null ? initial : previous.getOffsetBefore();
        LocalDateTime since = previous == null ? LocalDateTime.ofInstant(from, initial) : previous.getDateTimeBefore();
        lines.addAll(observance(rules.isDaylightSavings(from), since, before, initial));
        ZoneOffsetTransition next = rules.nextTransition(from);
        while (next != null && next.getInstant().isBefore(to)) {
            lines.addAll(observance(rules.isDaylightSavings(next.getInstant()), next.getDateTimeBefore(),
                    next.getOffsetBefore(), next.getOffsetAfter()));
            next = rules.nextTransition(next.getInstant());
        }
        lines.add("END:VTIMEZONE");
        return lines;
    }

    private static List<String> observance(boolean daylight, LocalDateTime start, ZoneOffset from, ZoneOffset to) {
        String kind = daylight ? "DAYLIGHT" : "STANDARD";
        return List.of("BEGIN:" + kind, "DTSTART:" + LOCAL.format(start), "TZOFFSETFROM:" + offset(from),
                "TZOFFSETTO:" + offset(to), "END:" + kind);
    }

    private static String offset(ZoneOffset offset) {
        int seconds = offset.getTotalSeconds();
        int minutes = Math.abs(seconds) / 60;
        return (seconds < 0 ? "-" : "+") + String.format("%02d%02d", minutes / 60, minutes % 60);
    }

    private static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n");
    }
}
