package io.oncallhq.incident.coverage;

import io.oncallhq.incident.directory.OnCallDirectory;
import io.oncallhq.incident.schedule.Schedules;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** When a service's escalation policy would page nobody, before it happens. */
@RestController
class CoverageController {

    private static final Duration LONGEST_WINDOW = Duration.ofDays(366);

    private final OnCallDirectory directory;
    private final Schedules schedules;
    private final Clock clock;

    CoverageController(OnCallDirectory directory, Schedules schedules, Clock clock) {
        this.directory = directory;
        this.schedules = schedules;
        this.clock = clock;
    }

    /** @param from default now; {@code to} default 4 weeks after {@code from} */
    @GetMapping("/services/{id}/coverage")
    CoverageResponse coverage(@PathVariable String id,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        Instant start = from == null ? clock.instant() : from;
        Instant end = to == null ? start.plus(CoverageWarnings.AHEAD) : to;
        if (!start.isBefore(end) || Duration.between(start, end).compareTo(LONGEST_WINDOW) > 0) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "from must be before to, at most 366 days apart");
        }
        List<GapResponse> gaps = Coverage.gaps(directory.service(id), schedules::find, start, end).stream()
                .map(GapResponse::of).toList();
        return new CoverageResponse(id, start, end, gaps);
    }

    /** @param gaps by level, then by start; empty when every level has someone on call throughout */
    record CoverageResponse(String serviceId, Instant from, Instant to, List<GapResponse> gaps) {
    }
}
