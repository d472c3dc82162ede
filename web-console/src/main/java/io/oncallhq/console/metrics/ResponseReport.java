package io.oncallhq.console.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/** incident-service's {@code GET /metrics/response}. */
public record ResponseReport(Instant from, Instant to, List<Group> services, List<Group> teams,
                             List<ResponderPages> responders) {

    /** The longest p90 in the report: the charts' bars are drawn against it. */
    public long longestSeconds() {
        return Stream.concat(services.stream(), teams.stream())
                .flatMap(group -> Stream.of(group.timeToAcknowledge(), group.timeToResolve()))
                .map(Percentiles::p90).filter(java.util.Objects::nonNull).mapToLong(Duration::toSeconds)
                .max().orElse(1);
    }

    /** The most pages anyone had, for the pages chart. */
    public int mostPages() {
        return responders.stream().mapToInt(ResponderPages::pages).max().orElse(1);
    }

    public record Group(String id, int incidents, Percentiles timeToAcknowledge, Percentiles timeToResolve) {
    }

    /** Nearest-rank percentiles; null when {@code count} is 0. */
    public record Percentiles(int count, Duration p50, Duration p90) {
    }

    public record ResponderPages(String responderId, String name, int pages, int outsideWorkingHours) {
    }
}
