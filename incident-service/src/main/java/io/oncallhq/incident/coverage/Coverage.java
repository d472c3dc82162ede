package io.oncallhq.incident.coverage;

import io.oncallhq.contracts.page.PageUnroutable;
import io.oncallhq.incident.directory.EscalationPolicy;
import io.oncallhq.incident.directory.TechnicalService;
import io.oncallhq.incident.schedule.Gap;
import io.oncallhq.incident.schedule.Schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a service's escalation policy would page nobody: for each level, the times within a window when every one of
 * its schedules has nobody on call (a deleted schedule never has anyone). A level naming a responder always has
 * someone; a level naming nobody at all is one gap over the whole window. Whether those on call can be reached is
 * checked when paging, not here.
 */
public final class Coverage {

    private Coverage() {
    }

    /** @param schedules a schedule by id, empty when it does not exist */
    public static List<CoverageGap> gaps(TechnicalService service, Function<String, Optional<Schedule>> schedules,
                                         Instant from, Instant to) {
        List<CoverageGap> gaps = new ArrayList<>();
        List<EscalationPolicy.Level> levels = service.policy().levels();
        for (int i = 0; i < levels.size(); i++) {
            EscalationPolicy.Level level = levels.get(i);
            if (!level.responderIds().isEmpty()) {
                continue;
            }
            if (level.scheduleIds().isEmpty()) {
                gaps.add(new CoverageGap(service.id(), service.name(), i + 1, from, to, PageUnroutable.NO_ONE_ON_CALL,
                        List.of()));
                continue;
            }
            List<CoverageGap.ScheduleRef> named = new ArrayList<>();
            List<Gap> nobody = List.of(new Gap(from, to));
            for (String scheduleId : level.scheduleIds()) {
                Optional<Schedule> schedule = schedules.apply(scheduleId);
                named.add(new CoverageGap.ScheduleRef(scheduleId, schedule.map(Schedule::name).orElse(null)));
                if (schedule.isPresent()) {
                    nobody = overlap(nobody, Gap.within(schedule.get(), from, to));
                }
            }
            for (Gap gap : nobody) {
                gaps.add(new CoverageGap(service.id(), service.name(), i + 1, gap.start(), gap.end(),
                        PageUnroutable.SCHEDULE_GAP, named));
            }
        }
        return gaps;
    }

    /** The times in both lists; each list is ordered and free of overlaps. */
    private static List<Gap> overlap(List<Gap> first, List<Gap> second) {
        List<Gap> both = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < first.size() && j < second.size()) {
            Instant start = latest(first.get(i).start(), second.get(j).start());
            Instant end = earliest(first.get(i).end(), second.get(j).end());
            if (start.isBefore(end)) {
                both.add(new Gap(start, end));
            }
            if (first.get(i).end().isBefore(second.get(j).end())) {
                i++;
            } else {
                j++;
            }
        }
        return both;
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
