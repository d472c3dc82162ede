package io.oncallhq.incident.metrics;

import io.oncallhq.incident.config.InvalidRequestException;
import io.oncallhq.incident.config.InvalidRequestException.FieldProblem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Response figures over a time range of trigger times (default: the last 30 days, at most 366 days). */
@RestController
class MetricsController {

    private static final Duration DEFAULT_RANGE = Duration.ofDays(30);
    private static final Duration LONGEST_RANGE = Duration.ofDays(366);

    private final MeasuringResponse measuring;
    private final Clock clock;

    MetricsController(MeasuringResponse measuring, Clock clock) {
        this.measuring = measuring;
        this.clock = clock;
    }

    @GetMapping("/metrics/response")
    ResponseReport response(@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                            @RequestParam(required = false) String serviceId,
                            @RequestParam(required = false) String teamId) {
        Instant end = to == null ? clock.instant() : to;
        Instant start = from == null ? end.minus(DEFAULT_RANGE) : from;
        if (!end.isAfter(start) || Duration.between(start, end).compareTo(LONGEST_RANGE) > 0) {
            throw new InvalidRequestException(List.of(new FieldProblem("to",
                    "must be after from, and at most 366 days later")));
        }
        return measuring.report(start, end, serviceId, teamId);
    }
}
