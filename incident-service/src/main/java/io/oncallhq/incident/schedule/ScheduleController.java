package io.oncallhq.incident.schedule;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.oncallhq.incident.config.ApiClients;
import io.oncallhq.incident.config.InvalidRequestException;
import io.oncallhq.incident.config.InvalidRequestException.FieldProblem;
import io.oncallhq.incident.coverage.CoverageWarnings;
import io.oncallhq.incident.coverage.GapResponse;
import io.oncallhq.incident.directory.OnCallDirectory;
import jakarta.validation.Valid;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** Schedules: create or replace by id (idempotent, fit for configuration as code), who is on call, shifts. */
@RestController
@RequestMapping("/schedules")
class ScheduleController {

    private static final Duration LONGEST_SHIFT_QUERY = Duration.ofDays(366);

    private final Schedules schedules;
    private final OnCallDirectory directory;
    private final CoverageWarnings coverage;

    ScheduleController(Schedules schedules, OnCallDirectory directory, CoverageWarnings coverage) {
        this.schedules = schedules;
        this.directory = directory;
        this.coverage = coverage;
    }

    @GetMapping
    List<ScheduleResponse> all() {
        return schedules.all().stream().map(ScheduleResponse::of).toList();
    }

    @GetMapping("/{id}")
    ScheduleResponse get(@PathVariable String id) {
        return ScheduleResponse.of(schedules.get(id));
    }

    /**
     * Creates the schedule or replaces it; participants and override responders must be known responders. The
     * answer's {@code warnings} list the coverage gaps of the services paging it in the next 4 weeks.
     */
    @PutMapping("/{id}")
    ScheduleResponse put(@PathVariable String id, @Valid @RequestBody ScheduleRequest request) {
        List<FieldProblem> problems = request.referenceProblems("", directory);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        Schedule schedule = request.toSchedule(id);
        schedules.save(schedule, ApiClients.currentName());
        return ScheduleResponse.of(schedule).withWarnings(coverage.forSchedule(id));
    }

    @GetMapping("/{id}/oncall")
    OnCallResponse onCall(@PathVariable String id,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant at) {
        Instant when = at == null ? Instant.now() : at;
        return new OnCallResponse(id, when, schedules.get(id).onCallAt(when).orElse(null));
    }

    @GetMapping("/{id}/shifts")
    List<ShiftResponse> shifts(@PathVariable String id,
                               @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                               @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        if (!from.isBefore(to) || Duration.between(from, to).compareTo(LONGEST_SHIFT_QUERY) > 0) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "from must be before to, at most 366 days apart");
        }
        return schedules.get(id).shiftsBetween(from, to).stream()
                .map(shift -> new ShiftResponse(shift.responderId(), shift.start(), shift.end())).toList();
    }

    /** The shifts from {@code from} (default: 7 days ago) to {@code to} (default: 8 weeks later) as iCalendar. */
    @GetMapping(value = "/{id}/ical", produces = "text/calendar")
    String ical(@PathVariable String id,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        Instant now = Instant.now();
        Instant start = from == null ? now.minus(Duration.ofDays(7)) : from;
        Instant end = to == null ? start.plus(Duration.ofDays(63)) : to;
        Schedule schedule = schedules.get(id);
        return ICalendarExport.of(schedule, shifts(id, start, end).stream()
                .map(shift -> new Shift(shift.responderId(), shift.start(), shift.end())).toList(), start, end, now);
    }

    /** @param warnings only in the answer of a write: the coverage gaps it leaves */
    record ScheduleResponse(String id, String name, String timeZone, List<LayerResponse> layers,
                            List<ScheduleOverride> overrides,
                            @JsonInclude(JsonInclude.Include.NON_NULL) List<GapResponse> warnings) {

        static ScheduleResponse of(Schedule schedule) {
            return new ScheduleResponse(schedule.id(), schedule.name(), schedule.timeZone(),
                    schedule.layers().stream().map(layer -> new LayerResponse(layer.name(), layer.participants(),
                            layer.shiftLength(), layer.unit(), layer.handoffTime(), layer.startDate())).toList(),
                    schedule.overrides(), null);
        }

        ScheduleResponse withWarnings(List<GapResponse> gaps) {
            return new ScheduleResponse(id, name, timeZone, layers, overrides, gaps);
        }
    }

    record LayerResponse(String name, List<String> participants, int shiftLength, ShiftUnit unit,
                         LocalTime handoffTime, LocalDate startDate) {
    }

    /** @param responderId null when nobody is on call */
    record OnCallResponse(String scheduleId, Instant at, String responderId) {
    }

    record ShiftResponse(String responderId, Instant start, Instant end) {
    }
}
