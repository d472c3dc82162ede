package io.oncallhq.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The alert-to-incident rate of incident-service with an empty store and with many incidents stored: each alert has
 * a dedup key of its own, so each opens (and pages) an incident. The alerts are sent through alert-ingest by
 * {@code BENCH_CLIENTS} (8) senders, faster than incident-service takes them in, and the rate is the alerts divided
 * by the time from the first send until incident-service's consumer group has committed the last of them.
 *
 * <p>Between the two measured rounds {@code BENCH_STORED_INCIDENTS} (50,000) resolved incidents are written straight
 * into the incidents collection, as copies of the incidents the first round opened (new ids, numbers and dedup keys):
 * what a year of a busy installation leaves behind, without a year of paging. {@code BENCH_ALERTS} (2,000) alerts a
 * round. With {@code MONGODB_SERVER} set, the system and the copies use that MongoDB instead of the embedded server.
 */
final class CorrelationThroughput {

    private static final String SERVICE_GROUP = "incident-service";
    private static final String ALERTS = "alerts";

    private CorrelationThroughput() {
    }

    static void run() throws Exception {
        int alerts = Integer.parseInt(System.getenv().getOrDefault("BENCH_ALERTS", "2000"));
        int stored = Integer.parseInt(System.getenv().getOrDefault("BENCH_STORED_INCIDENTS", "50000"));
        int clients = Integer.parseInt(System.getenv().getOrDefault("BENCH_CLIENTS", "8"));
        try (BenchSystem bench = new BenchSystem("alert-ingest-service,incident-service");
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bench.kafkaBootstrapServers));
             MongoClient mongo = MongoClients.create(bench.mongoServerUri())) {
            MongoCollection<Document> incidents = mongo.getDatabase("incidents").getCollection("incidents");
            double empty = round(bench, admin, "empty store", alerts, clients, BenchSystem.INTEGRATION_KEY, "correlation");
            long copied = storeCopies(incidents, stored);
            double full = round(bench, admin, copied + " incidents stored", alerts, clients, BenchSystem.INTEGRATION_KEY,
                    "correlation");
            System.out.println();
            System.out.printf("alert -> incident, empty store            %,8.0f alerts/s%n", empty);
            System.out.printf("alert -> incident, %,7d incidents stored %,8.0f alerts/s (%.2fx)%n",
                    incidents.countDocuments(), full, full / empty);
        }
    }

    /**
     * Sends the alerts, each with a dedup key of its own ({@code <keyPrefix>-<run>-<i>}), through a generic integration
     * and waits until incident-service has taken every one in; answers alerts per second.
     */
    static double round(BenchSystem bench, Admin admin, String name, int alerts, int clients, String integrationKey,
                        String keyPrefix) throws Exception {
        long before = committed(admin);
        String run = UUID.randomUUID().toString().substring(0, 8);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        ExecutorService senders = Executors.newFixedThreadPool(clients);
        List<Future<?>> sent = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            sent.add(senders.submit(() -> {
                for (int i = next.getAndIncrement(); i < alerts; i = next.getAndIncrement()) {
                    String key = keyPrefix + "-" + run + "-" + i;
                    HttpSenders.Answer answer = bench.postAlert("/integrations/" + integrationKey
                            + "/generic", BenchSystem.genericAlert("Disk full " + key, key));
                    if (answer.status() != 202) {
                        throw new IllegalStateException("alert " + i + " answered " + answer.status() + ": " + answer.body());
                    }
                }
                return null;
            }));
        }
        for (Future<?> each : sent) {
            each.get();
        }
        senders.shutdown();
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (committed(admin) < before + alerts) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("incident-service did not take the alerts in within 30 min");
            }
            Thread.sleep(50);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = alerts / seconds;
        System.out.printf("%s: %,d alerts taken in in %.1f s (%,.0f alerts/s)%n", name, alerts, seconds, rate);
        return rate;
    }

    /** The alerts incident-service's consumer group has committed, over all partitions. */
    static long committed(Admin admin) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(SERVICE_GROUP)
                .partitionsToOffsetAndMetadata().get();
        return offsets.entrySet().stream().filter(entry -> entry.getKey().topic().equals(ALERTS))
                .filter(entry -> entry.getValue() != null).mapToLong(entry -> entry.getValue().offset()).sum();
    }

    /** Resolved copies of the stored incidents, in batches, until {@code count} are stored; answers how many now. */
    static long storeCopies(MongoCollection<Document> incidents, int count) {
        List<Document> originals = incidents.find().into(new ArrayList<>());
        Instant resolvedAt = Instant.now().minus(Duration.ofDays(30));
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Document copy = Document.parse(originals.get(i % originals.size()).toJson());
            String id = "stored-" + i;
            copy.put("_id", id);
            copy.put("number", 100_000_000L + i);
            copy.put("status", "RESOLVED");
            copy.put("resolvedAt", java.util.Date.from(resolvedAt));
            copy.put("nextEscalation", null);
            copy.put("outbox", List.of());
            copy.put("processedEventIds", List.of("stored-event-" + i));
            for (Document alert : copy.getList("alerts", Document.class, List.of())) { // only where stored inside
                alert.put("dedupKey", "generic:v1:stored-" + i);
                alert.put("status", "RESOLVED");
            }
            batch.add(copy);
            if (batch.size() == 1000) {
                incidents.insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            incidents.insertMany(batch);
        }
        return incidents.countDocuments();
    }
}
