package io.oncallhq.incident.metrics;

import java.time.Duration;
import java.util.List;

/**
 * The median and 90th percentile of some durations, by the nearest-rank method (the p-th percentile is the smallest
 * value with at least p% of the values at or below it), so each figure is a time that really happened.
 *
 * @param count how many durations; p50 and p90 are null when none
 */
public record Percentiles(int count, Duration p50, Duration p90) {

    static Percentiles of(List<Duration> durations) {
        if (durations.isEmpty()) {
            return new Percentiles(0, null, null);
        }
        List<Duration> sorted = durations.stream().sorted().toList();
        return new Percentiles(sorted.size(), rank(sorted, 50), rank(sorted, 90));
    }

    private static Duration rank(List<Duration> sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }
}
