package io.oncallhq.incident.coverage;

import io.oncallhq.incident.directory.OnCallDirectory;
import io.oncallhq.incident.directory.TechnicalService;
import io.oncallhq.incident.schedule.Schedule;
import io.oncallhq.incident.schedule.Schedules;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The coverage gaps an on-call write leaves in the next {@link #AHEAD}: answered as warnings, never refused, since a
 * gap may be known and accepted (a rotation starting next week).
 */
@Component
public class CoverageWarnings {

    static final Duration AHEAD = Duration.ofDays(28);

    private final OnCallDirectory directory;
    private final Schedules schedules;
    private final Clock clock;

    CoverageWarnings(OnCallDirectory directory, Schedules schedules, Clock clock) {
        this.directory = directory;
        this.schedules = schedules;
        this.clock = clock;
    }

    /** The gaps of a service as stored. */
    public List<GapResponse> forService(TechnicalService service) {
        return forServices(List.of(service), schedules::find);
    }

    /** The gaps of every stored service one of whose levels pages the schedule. */
    public List<GapResponse> forSchedule(String scheduleId) {
        return forServices(directory.allServices().stream().filter(service -> service.policy().levels().stream()
                .anyMatch(level -> level.scheduleIds().contains(scheduleId))).toList(), schedules::find);
    }

    /** The gaps of these services with these schedules (a model not stored yet, or stored in part). */
    public List<GapResponse> forServices(Collection<TechnicalService> services,
                                         Function<String, Optional<Schedule>> scheduleById) {
        Instant now = clock.instant();
        return services.stream().flatMap(service ->
                        Coverage.gaps(service, scheduleById, now, now.plus(AHEAD)).stream())
                .map(GapResponse::of).toList();
    }
}
