package io.oncallhq.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.bson.Document;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.mongodb.client.model.Filters.eq;

/**
 * How fast incident-service attaches alerts to an incident that already holds many: a service with a 60-minute
 * grouping window takes alerts with dedup keys of their own, so every alert joins its one open incident. The rate is
 * measured over {@code BENCH_ALERTS} (300) alerts sent by {@code BENCH_CLIENTS} (8) senders through alert-ingest
 * (alerts divided by the time from the first send until incident-service's consumer group has committed the last),
 * with 100, 1,000, 10,000 and {@code BENCH_LARGEST} (100,000) alerts already in the incident.
 *
 * <p>Before the rounds, {@code BENCH_WARMUP_ALERTS} (1,000) alerts go to an incident of another service, so that the
 * first round does not pay for the JIT alone. The incident's first 100 alerts come through the system; the rest up to
 * each size are written straight into the store (its alert documents, and its counts), as the service itself stores
 * them, because sending 100,000 alerts would take the benchmark hours. With {@code MONGODB_SERVER} set, the system and
 * the stored alerts use that MongoDB instead of the embedded server.
 */
final class BigIncident {

    private static final String SERVICE = "big-incident-api";
    private static final Pattern TOTAL = Pattern.compile("\"alertCounts\"\\s*:\\s*\\{[^}]*\"total\"\\s*:\\s*(\\d+)");

    private BigIncident() {
    }

    static void run() throws Exception {
        int alerts = Integer.parseInt(System.getenv().getOrDefault("BENCH_ALERTS", "300"));
        int warmup = Integer.parseInt(System.getenv().getOrDefault("BENCH_WARMUP_ALERTS", "1000"));
        int largest = Integer.parseInt(System.getenv().getOrDefault("BENCH_LARGEST", "100000"));
        int clients = Integer.parseInt(System.getenv().getOrDefault("BENCH_CLIENTS", "8"));
        try (BenchSystem bench = new BenchSystem("alert-ingest-service,incident-service");
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bench.kafkaBootstrapServers));
             MongoClient mongo = MongoClients.create(bench.mongoServerUri())) {
            MongoCollection<Document> incidents = mongo.getDatabase("incidents").getCollection("incidents");
            MongoCollection<Document> storedAlerts = mongo.getDatabase("incidents").getCollection("incident_alerts");
            String warmupKey = bench.addService("big-incident-warmup-api", "Big Incident Warm-up API", 60);
            CorrelationThroughput.round(bench, admin, "warm-up (another incident)", warmup, clients, warmupKey, "warmup");

            String key = bench.addService(SERVICE, "Big Incident API", 60);
            CorrelationThroughput.round(bench, admin, "the incident's first 100 alerts", 100, clients, key, "first");
            String incidentId = incidents.find(eq("serviceId", SERVICE)).first().getString("_id");
            Map<Integer, Double> rates = new LinkedHashMap<>();
            for (int size : new int[] {100, 1_000, 10_000, largest}) {
                int held = alertsOf(bench, incidentId);
                if (held < size) {
                    storeAlerts(incidents, storedAlerts, incidentId, held, size - held);
                }
                rates.put(size, CorrelationThroughput.round(bench, admin, "with " + alertsOf(bench, incidentId)
                        + " alerts in the incident", alerts, clients, key, "at-" + size));
            }

            int expected = largest + alerts;
            int held = alertsOf(bench, incidentId);
            Document stored = incidents.find(eq("_id", incidentId)).first();
            System.out.println();
            double first = rates.get(100);
            rates.forEach((size, rate) -> System.out.printf("attached with %,7d alerts in the incident %,6.0f alerts/s"
                    + " (%.2fx the rate at 100)%n", size, rate, rate / first));
            System.out.printf("incident of %,d alerts (%,d expected): %s; its document %,d bytes, %,d alert documents%n",
                    held, expected, held == expected ? "stored" : "NOT STORED", stored.toJson().length(),
                    storedAlerts.countDocuments(eq("incidentId", incidentId)));
        }
    }

    /** The incident's alert count, as {@code GET /incidents/{id}} answers it. */
    private static int alertsOf(BenchSystem bench, String incidentId) throws IOException {
        HttpSenders.Answer answer = bench.senders.get("http://localhost:" + bench.incidentPort + "/incidents/"
                + incidentId, bench.apiToken);
        Matcher total = TOTAL.matcher(answer.body());
        if (answer.status() != 200 || !total.find()) {
            throw new IllegalStateException("GET /incidents/" + incidentId + " answered " + answer.status() + ": "
                    + answer.body());
        }
        return Integer.parseInt(total.group(1));
    }

    /** Firing alerts numbered after the {@code held} ones, stored as incident-service stores them, and counted. */
    private static void storeAlerts(MongoCollection<Document> incidents, MongoCollection<Document> storedAlerts,
                                    String incidentId, int held, int count) {
        Date now = new Date();
        List<Document> batch = new ArrayList<>();
        for (long number = held + 1L; number <= held + count; number++) {
            String dedupKey = "generic:v1:stored-" + number;
            Document alert = new Document("dedupKey", dedupKey).append("summary", "Disk full stored-" + number)
                    .append("severity", "CRITICAL").append("status", "FIRING").append("firstSeenAt", now)
                    .append("lastSeenAt", now).append("count", 1).append("number", number)
                    .append("labels", List.of()).append("links", List.of());
            batch.add(new Document("_id", incidentId.length() + ":" + incidentId + ":" + dedupKey)
                    .append("incidentId", incidentId).append("alert", alert));
            if (batch.size() == 5_000) {
                storedAlerts.insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            storedAlerts.insertMany(batch);
        }
        incidents.updateOne(eq("_id", incidentId), new Document("$inc", new Document("alertSummary.firing", count)));
    }
}
