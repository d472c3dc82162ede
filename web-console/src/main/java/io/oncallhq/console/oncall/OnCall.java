package io.oncallhq.console.oncall;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** incident-service's services, schedules and shifts, and what the on-call page makes of them. */
final class OnCall {

    private OnCall() {
    }

    public record Schedule(String id, String name, String timeZone, List<Override> overrides) {
    }

    /** @param addedBy who added it, as incident-service credits it; null for overrides older than that */
    public record Override(String responderId, Instant start, Instant end, String addedBy) {
    }

    public record Shift(String responderId, Instant start, Instant end) {
    }

    public record Gap(Instant start, Instant end) {
    }

    public record TechnicalService(String id, String name, String teamId, List<Level> escalationPolicy) {
    }

    public record Level(int level, List<String> responderIds, int delayMinutes, List<String> scheduleIds) {
    }

    /**
     * A schedule's final shifts (overrides applied) from now on, who holds the current one, and the stretches nobody
     * is on call: incident-service's shifts leave gaps only where nobody is.
     */
    public record ScheduleWeeks(Schedule schedule, List<Shift> shifts, List<Gap> gaps, String onCallNow,
                                List<Override> upcomingOverrides, String icalUrl) {

        static ScheduleWeeks of(Schedule schedule, List<Shift> shifts, Instant from, Instant to, String icalUrl) {
            List<Gap> gaps = new ArrayList<>();
            Instant covered = from;
            for (Shift shift : shifts) {
                if (shift.start().isAfter(covered)) {
                    gaps.add(new Gap(covered, shift.start()));
                }
                covered = shift.end().isAfter(covered) ? shift.end() : covered;
            }
            if (covered.isBefore(to)) {
                gaps.add(new Gap(covered, to));
            }
            String now = shifts.stream().filter(shift -> !shift.start().isAfter(from) && shift.end().isAfter(from))
                    .map(Shift::responderId).findFirst().orElse(null);
            List<Override> overrides = schedule.overrides() == null ? List.of() : schedule.overrides().stream()
                    .filter(override -> override.end().isAfter(from) && override.start().isBefore(to)).toList();
            return new ScheduleWeeks(schedule, shifts, gaps, now, overrides, icalUrl);
        }
    }

    /** A service's escalation levels, each with who it would page now. */
    public record ServiceNow(TechnicalService service, List<LevelNow> levels) {

        static ServiceNow of(TechnicalService service, List<ScheduleWeeks> schedules) {
            List<Level> policy = service.escalationPolicy() == null ? List.of() : service.escalationPolicy();
            return new ServiceNow(service, policy.stream().map(level -> {
                List<String> who = new ArrayList<>(level.responderIds() == null ? List.of() : level.responderIds());
                List<String> scheduleIds = level.scheduleIds() == null ? List.of() : level.scheduleIds();
                schedules.stream().filter(weeks -> scheduleIds.contains(weeks.schedule().id()))
                        .map(ScheduleWeeks::onCallNow).filter(Objects::nonNull).forEach(who::add);
                return new LevelNow(level.level(), level.delayMinutes(), who.stream().distinct().toList());
            }).toList());
        }
    }

    /** @param onCall responder ids; empty when the level would reach nobody now */
    public record LevelNow(int level, int delayMinutes, List<String> onCall) {
    }

    /** incident-service's {@code GET /services/{id}/coverage}: when a level of the service's policy pages nobody. */
    public record Coverage(String serviceId, Instant from, Instant to, List<CoverageGap> gaps) {

        public Coverage {
            gaps = gaps == null ? List.of() : gaps;
        }
    }

    /**
     * @param reason    {@code schedule-gap} or {@code no-one-on-call}, as incident-service words it
     * @param schedules the level's schedules, all with nobody on call then; a deleted one has no name
     */
    public record CoverageGap(int level, Instant start, Instant end, String reason, List<ScheduleRef> schedules) {

        /** Why nobody would be paged, in words: the schedules with nobody, or a level that names nobody at all. */
        public String why() {
            if (schedules == null || schedules.isEmpty()) {
                return "the level names no responder and no schedule";
            }
            return "nobody on call in " + schedules.stream()
                    .map(schedule -> schedule.name() == null ? schedule.id() + " (deleted)" : schedule.name())
                    .collect(Collectors.joining(", "));
        }
    }

    public record ScheduleRef(String id, String name) {
    }

    /** A service with the gaps incident-service reports for it. */
    public record ServiceCoverage(TechnicalService service, List<CoverageGap> gaps) {
    }
}
