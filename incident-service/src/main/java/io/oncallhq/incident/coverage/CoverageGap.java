package io.oncallhq.incident.coverage;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A time within {@code [start, end)} in which a level of a service's escalation policy has nobody on call.
 *
 * @param reason    {@code schedule-gap} (its schedules have nobody on call) or {@code no-one-on-call} (the level
 *                  names no responder and no schedule), as {@code page.unroutable.v1} would say when paging then
 * @param schedules the level's schedules, each with nobody on call throughout; a deleted one has no name
 */
public record CoverageGap(String serviceId, String serviceName, int level, Instant start, Instant end, String reason,
                          List<ScheduleRef> schedules) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MMM d HH:mm").withZone(ZoneOffset.UTC);

    public record ScheduleRef(String id, String name) {
    }

    /** {@code Checkout API, level 1: nobody on call from Dec 8 02:00 to Dec 8 06:00 UTC (Payments primary)} */
    public String message() {
        String where = schedules.isEmpty() ? " (the level names no responder and no schedule)" : schedules.stream()
                .map(schedule -> schedule.name() == null ? schedule.id() + ", deleted" : schedule.name())
                .collect(Collectors.joining(", ", " (", ")"));
        return (serviceName == null ? serviceId : serviceName) + ", level " + level + ": nobody on call from "
                + WHEN.format(start) + " to " + WHEN.format(end) + " UTC" + where;
    }
}
