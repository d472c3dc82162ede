package io.oncallhq.bench;

import io.oncallhq.contracts.Topics;

import java.time.Duration;
import java.time.Instant;
import java.util.StringJoiner;

/**
 * alert-ingest alone (with Kafka and MongoDB) against the real Prometheus Alertmanager's own
 * {@code POST /api/v2/alerts}, in the same run on the same machine: {@code BENCH_CLIENTS} (8) concurrent senders
 * for {@code BENCH_SECONDS} (20) s each of single alerts, then of batches of {@code BENCH_BATCH} (100) alerts
 * (an Alertmanager webhook payload for ingest, an alert array for Alertmanager). Afterwards every alert ingest
 * accepted is checked to be a record on {@code alerts}. The per-integration rate limit is lifted
 * ({@code INGEST_RATE_LIMIT}) so that the service, not its throttle, is measured.
 */
final class IngestThroughput {

    private IngestThroughput() {
    }

    static void run() throws Exception {
        int clients = Integer.parseInt(System.getenv().getOrDefault("BENCH_CLIENTS", "8"));
        int batch = Integer.parseInt(System.getenv().getOrDefault("BENCH_BATCH", "100"));
        Duration duration = Duration.ofSeconds(Long.parseLong(System.getenv().getOrDefault("BENCH_SECONDS", "20")));
        String ingestSingle = "/integrations/" + BenchSystem.INTEGRATION_KEY + "/generic";
        String ingestBatch = "/integrations/" + BenchSystem.INTEGRATION_KEY + "/alertmanager";
        try (BenchSystem bench = new BenchSystem("alert-ingest-service")) {
            String kafka = bench.system.kafkaBootstrapServers();
            warmUp(() -> bench.postAlert(ingestSingle, BenchSystem.genericAlert("warm-up", "warm")).status());
            long before = TopicSize.records(kafka, Topics.ALERTS);
            LoadRun single = LoadRun.run(clients, duration, (client, sequence) -> accepted(
                    bench.postAlert(ingestSingle, BenchSystem.genericAlert("Queue depth above threshold",
                            "client-" + client + "-" + (sequence % 1000))), 202, 1));
            LoadRun batches = LoadRun.run(clients, duration, (client, sequence) -> accepted(
                    bench.postAlert(ingestBatch, webhookBatch(client, sequence, batch)), 202, batch));
            long durable = TopicSize.records(kafka, Topics.ALERTS) - before;
            long acceptedAlerts = single.acceptedAlerts.get() + batches.acceptedAlerts.get();

            LoadRun amSingle = null;
            LoadRun amBatches = null;
            if (AlertmanagerProcess.installed()) {
                try (AlertmanagerProcess alertmanager = new AlertmanagerProcess()) {
                    String url = alertmanager.baseUrl + "/api/v2/alerts";
                    warmUp(() -> bench.senders.postJson(url, alertArray(0, 0, 1)).status());
                    amSingle = LoadRun.run(clients, duration, (client, sequence) ->
                            accepted(bench.senders.postJson(url, alertArray(client, sequence, 1)), 200, 1));
                    amBatches = LoadRun.run(clients, duration, (client, sequence) ->
                            accepted(bench.senders.postJson(url, alertArray(client, sequence, batch)), 200, batch));
                }
            }

            System.out.println();
            System.out.printf("%d concurrent senders, %d s per line, batches of %d%n", clients, duration.toSeconds(), batch);
            System.out.println(single.line("alert-ingest, single generic alerts"));
            System.out.println(batches.line("alert-ingest, Alertmanager webhook batches"));
            if (amSingle != null) {
                System.out.println(amSingle.line("Alertmanager /api/v2/alerts, single alerts"));
                System.out.println(amBatches.line("Alertmanager /api/v2/alerts, batches"));
                System.out.printf("ratio ingest / Alertmanager: single %.2f, batches %.2f%n",
                        single.alertsPerSecond() / amSingle.alertsPerSecond(),
                        batches.alertsPerSecond() / amBatches.alertsPerSecond());
            } else {
                System.out.println("Alertmanager not installed at " + AlertmanagerProcess.BINARY + ": no comparison");
            }
            System.out.printf("alerts accepted by ingest %d, records on 'alerts' %d (every 202 durable: %s)%n",
                    acceptedAlerts, durable, durable >= acceptedAlerts);
        }
    }

    @FunctionalInterface
    private interface Warming {
        int status() throws Exception;
    }

    private static void warmUp(Warming request) throws Exception {
        for (int i = 0; i < 500; i++) {
            request.status();
        }
    }

    private static int accepted(HttpSenders.Answer answer, int acceptedStatus, int alerts) {
        return answer.status() == acceptedStatus ? alerts : -1;
    }

    /** An Alertmanager webhook payload (version 4) of {@code size} firing alerts of one group. */
    private static String webhookBatch(int client, int sequence, int size) {
        StringJoiner alerts = new StringJoiner(",");
        for (int i = 0; i < size; i++) {
            String instance = instance(client, sequence, i);
            alerts.add("""
                    {"status":"firing","labels":{"alertname":"QueueDepth","instance":"%s","severity":"critical"},\
                    "annotations":{"summary":"Queue depth above threshold on %s"},"startsAt":"%s",\
                    "endsAt":"0001-01-01T00:00:00Z","generatorURL":"http://prometheus.example.com/graph",\
                    "fingerprint":"%016x"}""".formatted(instance, instance, Instant.now(), instance.hashCode() & 0xffffffffL));
        }
        return """
                {"version":"4","groupKey":"{}:{alertname=\\"QueueDepth\\"}","truncatedAlerts":0,"status":"firing",\
                "receiver":"oncallhq","groupLabels":{"alertname":"QueueDepth"},"commonLabels":{"alertname":"QueueDepth"},\
                "commonAnnotations":{},"externalURL":"http://alertmanager.example.com:9093","alerts":[%s]}"""
                .formatted(alerts);
    }

    /** The body of Alertmanager's {@code POST /api/v2/alerts}: {@code size} alerts as Prometheus sends them. */
    private static String alertArray(int client, int sequence, int size) {
        StringJoiner alerts = new StringJoiner(",", "[", "]");
        for (int i = 0; i < size; i++) {
            String instance = instance(client, sequence, i);
            alerts.add("""
                    {"labels":{"alertname":"QueueDepth","instance":"%s","severity":"critical"},\
                    "annotations":{"summary":"Queue depth above threshold on %s"},"startsAt":"%s",\
                    "generatorURL":"http://prometheus.example.com/graph"}""".formatted(instance, instance, Instant.now()));
        }
        return alerts.toString();
    }

    private static String instance(int client, int sequence, int index) {
        return "queue-" + client + "-" + (sequence % 1000) + "-" + index;
    }
}
