package io.oncallhq.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collected latencies in microseconds, summarised as percentiles. */
final class Latencies {

    private final List<Long> micros = Collections.synchronizedList(new ArrayList<>());

    void add(long nanos) {
        micros.add(nanos / 1_000);
    }

    int count() {
        return micros.size();
    }

    String summary() {
        List<Long> sorted;
        synchronized (micros) {
            sorted = new ArrayList<>(micros);
        }
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return "no samples";
        }
        return String.format("p50 %s  p90 %s  p99 %s  max %s  (n=%d)", millis(sorted, 0.50), millis(sorted, 0.90),
                millis(sorted, 0.99), millis(sorted, 1.0), sorted.size());
    }

    private static String millis(List<Long> sorted, double quantile) {
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1);
        return String.format("%.1f ms", sorted.get(Math.max(0, index)) / 1000.0);
    }
}
