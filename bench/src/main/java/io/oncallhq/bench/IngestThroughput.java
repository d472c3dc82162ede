package io.oncallhq.bench;

import io.oncallhq.contracts.Topics;
import io.oncallhq.localruntime.AlertmanagerProcess;

import java.time.Duration;
import java.time.Instant;
import java.util.StringJoiner;

/**
 * alert-ingest alone (with Kafka and MongoDB) against the real Prometheus Alertmanager's own
 * {@code POST /api/v2/alerts}, in the same run on the same machine, with {@link BareAlertServer} on the same broker
 * as the ceiling of any intake that answers only after Kafka's acknowledgement: {@code BENCH_CLIENTS} (8) concurrent
 * senders for {@code BENCH_SECONDS} (20) s each of single alerts, then of batches of {@code BENCH_BATCH} (100) alerts
 * (an Alertmanager webhook payload for ingest and the bare server, an alert array for Alertmanager), each after
 * {@code BENCH_WARMUP_SECONDS} (60) s of the same load unmeasured. Afterwards every alert ingest and the bare server
 * accepted is checked to be a record on their topics. The per-integration rate limit is lifted
 * ({@code INGEST_RATE_LIMIT}) so that the service, not its throttle, is measured.
 */
final class IngestThroughput {

    private IngestThroughput() {
    }

    /**
     * The single-alert and batch lines of one server.
     *
     * @param durable the records its topic gained during the two measured lines, -1 without a topic to count
     */
    private record Measured(LoadRun single, LoadRun batches, long durable) {

        long acceptedAlerts() {
            return single.acceptedAlerts.get() + batches.acceptedAlerts.get();
        }

        String durability(String server, String topic) {
            return String.format("alerts accepted by %s %d, records on '%s' %d (every 202 durable: %s)", server,
                    acceptedAlerts(), topic, durable, durable >= acceptedAlerts());
        }

        String ratios(Measured yardstick) {
            return String.format("single %.2f, batches %.2f", single.alertsPerSecond() / yardstick.single.alertsPerSecond(),
                    batches.alertsPerSecond() / yardstick.batches.alertsPerSecond());
        }
    }

    static void run() throws Exception {
        int clients = Integer.parseInt(System.getenv().getOrDefault("BENCH_CLIENTS", "8"));
        int batch = Integer.parseInt(System.getenv().getOrDefault("BENCH_BATCH", "100"));
        Duration duration = Duration.ofSeconds(Long.parseLong(System.getenv().getOrDefault("BENCH_SECONDS", "20")));
        Duration warmUp = Duration.ofSeconds(Long.parseLong(System.getenv().getOrDefault("BENCH_WARMUP_SECONDS", "60")));
        String ingestSingle = "/integrations/" + BenchSystem.INTEGRATION_KEY + "/generic";
        String ingestBatch = "/integrations/" + BenchSystem.INTEGRATION_KEY + "/alertmanager";
        try (BenchSystem bench = new BenchSystem("alert-ingest-service");
             BareAlertServerProcess bare = new BareAlertServerProcess(bench.kafkaBootstrapServers)) {
            String kafka = bench.kafkaBootstrapServers;
            Measured ingest = measure(clients, warmUp, duration, kafka, Topics.ALERTS,
                    (client, sequence) -> accepted(bench.postAlert(ingestSingle, singleAlert(client, sequence)), 202, 1),
                    (client, sequence) -> accepted(bench.postAlert(ingestBatch, webhookBatch(client, sequence, batch)), 202, batch));
            Measured bareServer = measure(clients, warmUp, duration, kafka, BareAlertServer.TOPIC,
                    (client, sequence) -> accepted(bench.senders.postJson(bare.url, singleAlert(client, sequence)), 202, 1),
                    (client, sequence) -> accepted(bench.senders.postJson(bare.url, webhookBatch(client, sequence, batch)), 202, batch));

            Measured alertmanager = null;
            if (AlertmanagerProcess.installed()) {
                try (AlertmanagerProcess process = AlertmanagerProcess.notifyingNobody()) {
                    String url = process.baseUrl() + "/api/v2/alerts";
                    alertmanager = measure(clients, warmUp, duration, null, null, toAlertmanager(bench, url, 1), toAlertmanager(bench, url, batch));
                }
            }

            System.out.println();
            System.out.printf("%d concurrent senders, %d s per line, batches of %d%n", clients, duration.toSeconds(), batch);
            System.out.println(ingest.single.line("alert-ingest, single generic alerts"));
            System.out.println(ingest.batches.line("alert-ingest, Alertmanager webhook batches"));
            System.out.println(bareServer.single.line("bare Netty server, single generic alerts"));
            System.out.println(bareServer.batches.line("bare Netty server, Alertmanager webhook batches"));
            if (alertmanager != null) {
                System.out.println(alertmanager.single.line("Alertmanager /api/v2/alerts, single alerts"));
                System.out.println(alertmanager.batches.line("Alertmanager /api/v2/alerts, batches"));
                System.out.println("ratio ingest / Alertmanager: " + ingest.ratios(alertmanager));
                System.out.println("ratio bare server / Alertmanager: " + bareServer.ratios(alertmanager));
            } else {
                System.out.println("Alertmanager not installed at " + AlertmanagerProcess.BINARY + ": no comparison");
            }
            System.out.println(ingest.durability("ingest", Topics.ALERTS));
            System.out.println(bareServer.durability("the bare server", BareAlertServer.TOPIC));
        }
    }

    /**
     * Warms both kinds of request up, then measures single alerts and batches, counting the records {@code topic}
     * gains meanwhile (none counted when it is null).
     */
    private static Measured measure(int clients, Duration warmUp, Duration duration, String kafka, String topic,
                                    LoadRun.Request singles, LoadRun.Request batches) throws Exception {
        warmUp(clients, warmUp, singles, batches);
        long before = topic == null ? 0 : TopicSize.records(kafka, topic);
        LoadRun single = LoadRun.run(clients, duration, singles);
        LoadRun batched = LoadRun.run(clients, duration, batches);
        return new Measured(single, batched, topic == null ? -1 : TopicSize.records(kafka, topic) - before);
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
