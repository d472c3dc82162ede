package io.oncallhq.bench;

import io.oncallhq.contracts.Topics;

import java.time.Duration;
import java.time.Instant;
import java.util.StringJoiner;

/**
 * alert-ingest alone (with Kafka and MongoDB) against the real Prometheus Alertmanager's own
 * {@code POST /api/v2/alerts}, in the same run on the same machine: {@code BENCH_CLIENTS} (8) concurrent senders
 * for {@code BENCH_SECONDS} (20) s each of single alerts, then of batches of {@code BENCH_BATCH} (100) alerts
 * (an Alertmanager webhook payload for ingest, an alert array for Alertmanager), each after
 * {@code BENCH_WARMUP_SECONDS} (60) s of the same load unmeasured. Afterwards every alert ingest accepted is
 * checked to be a record on {@code alerts}. The per-integration rate limit is lifted ({@code INGEST_RATE_LIMIT}) so
 * that the service, not its throttle, is measured.
 */
final class IngestThroughput {

    private IngestThroughput() {
    }

    static void run() throws Exception {
        int clients = Integer.parseInt(System.getenv().getOrDefault("BENCH_CLIENTS", "8"));
        int batch = Integer.parseInt(System.getenv().getOrDefault("BENCH_BATCH", "100"));
        Duration duration = Duration.ofSeconds(Long.parseLong(System.getenv().getOrDefault("BENCH_SECONDS", "20")));
        Duration warmUp = Duration.ofSeconds(Long.parseLong(System.getenv().getOrDefault("BENCH_WARMUP_SECONDS", "60")));
        String ingestSingle = "/integrations/" + BenchSystem.INTEGRATION_KEY + "/generic";
        String ingestBatch = "/integrations/" + BenchSystem.INTEGRATION_KEY + "/alertmanager";
        try (BenchSystem bench = new BenchSystem("alert-ingest-service")) {
            String kafka = bench.kafkaBootstrapServers;
            LoadRun.Request ingestSingles = (client, sequence) -> accepted(
                    bench.postAlert(ingestSingle, singleAlert(client, sequence)), 202, 1);
            LoadRun.Request ingestBatches = (client, sequence) -> accepted(
                    bench.postAlert(ingestBatch, webhookBatch(client, sequence, batch)), 202, batch);
            warmUp(clients, warmUp, ingestSingles, ingestBatches);
            long before = TopicSize.records(kafka, Topics.ALERTS);
            LoadRun single = LoadRun.run(clients, duration, ingestSingles);
            LoadRun batches = LoadRun.run(clients, duration, ingestBatches);
            long durable = TopicSize.records(kafka, Topics.ALERTS) - before;
            long acceptedAlerts = single.acceptedAlerts.get() + batches.acceptedAlerts.get();

            LoadRun amSingle = null;
            LoadRun amBatches = null;
            if (AlertmanagerProcess.installed()) {
                try (AlertmanagerProcess alertmanager = new AlertmanagerProcess()) {
                    String url = alertmanager.baseUrl + "/api/v2/alerts";
                    LoadRun.Request amSingles = toAlertmanager(bench, url, 1);
                    LoadRun.Request amBatchRequests = toAlertmanager(bench, url, batch);
                    warmUp(clients, warmUp, amSingles, amBatchRequests);
                    amSingle = LoadRun.run(clients, duration, amSingles);
                    amBatches = LoadRun.run(clients, duration, amBatchRequests);
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

    /**
     * Single alerts only, three ways in one run: alert-ingest, {@link BareAlertServer} on the same broker (what is left
     * when the HTTP stack, authentication, rate limit, validation, metrics and tracing are taken away) and
     * Alertmanager, each after the same warm-up. Every 202 of the bare server is checked durable too.
     */
    static void runCeiling() throws Exception {
        int clients = Integer.parseInt(System.getenv().getOrDefault("BENCH_CLIENTS", "8"));
        Duration duration = Duration.ofSeconds(Long.parseLong(System.getenv().getOrDefault("BENCH_SECONDS", "20")));
        Duration warmUp = Duration.ofSeconds(Long.parseLong(System.getenv().getOrDefault("BENCH_WARMUP_SECONDS", "60")));
        String ingestSingle = "/integrations/" + BenchSystem.INTEGRATION_KEY + "/generic";
        try (BenchSystem bench = new BenchSystem("alert-ingest-service");
             BareAlertServerProcess bare = new BareAlertServerProcess(bench.kafkaBootstrapServers)) {
            LoadRun.Request ingestSingles = (client, sequence) -> accepted(
                    bench.postAlert(ingestSingle, singleAlert(client, sequence)), 202, 1);
            LoadRun.Request bareSingles = (client, sequence) -> accepted(
                    bench.senders.postJson(bare.url, singleAlert(client, sequence)), 202, 1);
            warmUp(clients, warmUp, ingestSingles);
            LoadRun ingest = LoadRun.run(clients, duration, ingestSingles);
            warmUp(clients, warmUp, bareSingles);
            long before = TopicSize.records(bench.kafkaBootstrapServers, BareAlertServer.TOPIC);
            LoadRun bareRun = LoadRun.run(clients, duration, bareSingles);
            long durable = TopicSize.records(bench.kafkaBootstrapServers, BareAlertServer.TOPIC) - before;
            LoadRun amSingle = null;
            if (AlertmanagerProcess.installed()) {
                try (AlertmanagerProcess alertmanager = new AlertmanagerProcess()) {
                    String url = alertmanager.baseUrl + "/api/v2/alerts";
                    LoadRun.Request amSingles = toAlertmanager(bench, url, 1);
                    warmUp(clients, warmUp, amSingles);
                    amSingle = LoadRun.run(clients, duration, amSingles);
                }
            }

            System.out.println();
            System.out.printf("%d concurrent senders, %d s per line, single alerts%n", clients, duration.toSeconds());
            System.out.println(ingest.line("alert-ingest, single generic alerts"));
            System.out.println(bareRun.line("bare Netty server, same record and producer"));
            if (amSingle != null) {
                System.out.println(amSingle.line("Alertmanager /api/v2/alerts, single alerts"));
                System.out.printf("ratio to Alertmanager: alert-ingest %.2f, bare server %.2f%n",
                        ingest.alertsPerSecond() / amSingle.alertsPerSecond(),
                        bareRun.alertsPerSecond() / amSingle.alertsPerSecond());
            } else {
                System.out.println("Alertmanager not installed at " + AlertmanagerProcess.BINARY + ": no comparison");
            }
            System.out.printf("alerts accepted by the bare server %d, records on '%s' %d (every 202 durable: %s)%n",
                    bareRun.acceptedAlerts.get(), BareAlertServer.TOPIC, durable, durable >= bareRun.acceptedAlerts.get());
        }
    }

    /** Alertmanager answers 200 to an accepted {@code POST /api/v2/alerts}. */
    private static LoadRun.Request toAlertmanager(BenchSystem bench, String url, int size) {
        return (client, sequence) -> accepted(bench.senders.postJson(url, alertArray(client, sequence, size)), 200, size);
    }

    private static String singleAlert(int client, int sequence) {
        return BenchSystem.genericAlert("Queue depth above threshold", "client-" + client + "-" + (sequence % 1000));
    }

    /**
     * The same load, unmeasured, for {@code warmUp} per kind of request. On two shared cores the service's JIT
     * compiles its hot paths for about a minute of load: after 20 s ingest still answered single alerts at about a
     * quarter of its speed, and after 500 requests (the earlier warm-up) it measured mostly its compiler.
     */
    private static void warmUp(int clients, Duration warmUp, LoadRun.Request... requests) throws Exception {
        for (LoadRun.Request request : requests) {
            LoadRun.run(clients, warmUp, request);
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
