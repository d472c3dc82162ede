package io.oncallhq.bench;

import io.oncallhq.standins.SlackCall;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Time from an alert's 202 at alert-ingest to notification-service's {@code chat.postMessage} at the Slack
 * stand-in, through Kafka, incident-service (outbox, page decision) and notification-service. Alerts are sent one
 * at a time, each opening its own incident. {@code BENCH_ALERTS} (200) measured after {@code BENCH_WARMUP} (30).
 * With {@code SLACK_CHANNEL_MESSAGE_INTERVAL=1100ms} it shows what Slack's per-channel pace adds when one
 * responder is paged back to back.
 */
final class PagingLatency {

    private PagingLatency() {
    }

    static void run() throws Exception {
        int warmup = Integer.parseInt(System.getenv().getOrDefault("BENCH_WARMUP", "30"));
        int alerts = Integer.parseInt(System.getenv().getOrDefault("BENCH_ALERTS", "200"));
        // Every page of the benchmark goes to the stand-in's one DM channel, so Slack's per-channel pace (one message
        // a second, SLACK_CHANNEL_MESSAGE_INTERVAL) would be measured instead of the path; it is lifted unless set.
        Map<String, String> settings = Map.of("SLACK_CHANNEL_MESSAGE_INTERVAL",
                System.getenv().getOrDefault("SLACK_CHANNEL_MESSAGE_INTERVAL", "1ms"));
        try (BenchSystem bench = new BenchSystem("alert-ingest-service,incident-service,notification-service", settings)) {
            Latencies accepted = new Latencies();
            Latencies paged = new Latencies();
            for (int i = 0; i < warmup + alerts; i++) {
                String marker = "bench-" + i + "-" + System.nanoTime();
                long start = System.nanoTime();
                HttpSenders.Answer response = bench.postAlert("/integrations/" + BenchSystem.INTEGRATION_KEY + "/generic",
                        BenchSystem.genericAlert("Latency alert " + marker, marker));
                Instant acceptedAt = Instant.now();
                if (response.status() != 202) {
                    throw new IllegalStateException("alert " + i + " answered " + response.status() + ": " + response.body());
                }
                long acceptNanos = System.nanoTime() - start;
                SlackCall page = awaitPage(bench, marker);
                if (i >= warmup) {
                    accepted.add(acceptNanos);
                    paged.add(Duration.between(acceptedAt, page.at()).toNanos());
                }
            }
            System.out.println();
            System.out.println("alert-ingest 202 (HTTP round trip)   " + accepted.summary());
            System.out.println("202 -> Slack chat.postMessage        " + paged.summary());
            System.out.println("(the stand-in logs arrivals with millisecond resolution)");
        }
    }

    private static SlackCall awaitPage(BenchSystem bench, String marker) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            List<SlackCall> pages = bench.slack.calls("chat.postMessage");
            for (int i = pages.size() - 1; i >= 0; i--) {
                if (pages.get(i).field("text").contains(marker)) {
                    return pages.get(i);
                }
            }
            Thread.sleep(2);
        }
        throw new IllegalStateException("no Slack page for " + marker + " within 30 s");
    }
}
