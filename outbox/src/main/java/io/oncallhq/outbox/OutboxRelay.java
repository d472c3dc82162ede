package io.oncallhq.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.oncallhq.contracts.cloudevents.CloudEventCodec;
import io.opentelemetry.context.Scope;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Publishes the events waiting in documents' {@value #OUTBOX_FIELD} arrays, in order, and removes them once the
 * broker acknowledged. A document is relayed right after its save ({@link #relaySoon}); one whose relay failed (a
 * broker outage) is retried by id every retry interval; and a sweep of the whole collections, at start and every
 * sweep interval, finds what a crash of any instance left behind. The sweep reads every document where secondary
 * indexes are ignored (the embedded server), so it runs seldom and the retries, which cost nothing while nothing
 * failed, run often. Delivery is at least once: a crash between the send and the removal sends again with the same
 * event id, which consumers deduplicate.
 *
 * <p>The removal increments the document's version field, so a concurrent save of a stale copy fails with an
 * optimistic-locking error instead of putting sent events back. As a lifecycle bean in the default phase it
 * starts after the bindings and stops before them.
 *
 * <p>Each event is sent as a child of the span that wrote it ({@link OutboxMessage#traceparent()}). As a bean it
 * also reports the gauge {@value #BACKLOG_METRIC} per collection: the documents known to wait (found by the sweep or
 * failed to relay) and not relayed since.
 */
public final class OutboxRelay implements SmartLifecycle, MeterBinder {

    public static final String OUTBOX_FIELD = "outbox";
    public static final String BACKLOG_METRIC = "outbox.backlog";

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoOperations mongo;
    private final OutboxSender sender;
    private final CloudEventCodec codec;
    private final List<String> collections;
    private final String versionField;
    private final Duration retryInterval;
    private final Duration sweepInterval;
    /** Per collection, the ids of the documents known to wait: found by a sweep, or whose relay failed. */
    private final Map<String, Set<Object>> waiting = new ConcurrentHashMap<>();
    private ScheduledExecutorService worker;

    /** Relays retried every half second, and a sweep every 30 s: a crash's leftovers wait at most that long. */
    public OutboxRelay(MongoOperations mongo, OutboxSender sender, CloudEventCodec codec, List<String> collections,
                       String versionField) {
        this(mongo, sender, codec, collections, versionField, Duration.ofMillis(500), Duration.ofSeconds(30));
    }

    /**
     * @param collections  the collections whose documents carry an outbox
     * @param versionField  the documents' optimistic-locking version field (Spring Data {@code @Version})
     * @param retryInterval how often the documents known to wait are relayed again
     * @param sweepInterval how often the collections are searched for documents that wait (and once at start)
     */
    public OutboxRelay(MongoOperations mongo, OutboxSender sender, CloudEventCodec codec, List<String> collections,
                       String versionField, Duration retryInterval, Duration sweepInterval) {
        this.mongo = mongo;
        this.sender = sender;
        this.codec = codec;
        this.collections = List.copyOf(collections);
        this.versionField = versionField;
        this.retryInterval = retryInterval;
        this.sweepInterval = sweepInterval;
        collections.forEach(collection -> waiting.put(collection, ConcurrentHashMap.newKeySet()));
    }

    /** Whether the relay watches the collection: events saved elsewhere would never be published. */
    public boolean relays(String collection) {
        return waiting.containsKey(collection);
    }

    /** Asks for the document's waiting events to be published now, on the relay's own thread. */
    public void relaySoon(String collection, Object documentId) {
        ScheduledExecutorService current = worker;
        if (current != null && !current.isShutdown()) {
            current.execute(() -> relayQuietly(collection, documentId));
        }
    }

    /**
     * Searches every collection for documents with waiting events and publishes them; returns how many events were
     * published. A failure stops it; the documents found are retried by id.
     */
    public int sweep() {
        for (String collection : collections) {
            Query pending = new Query(Criteria.where(OUTBOX_FIELD + ".0").exists(true));
            pending.fields().include("_id");
            mongo.find(pending, Document.class, collection)
                    .forEach(document -> waiting.get(collection).add(document.get("_id")));
        }
        return retry();
    }

    /** Publishes the documents known to wait, forgetting each once relayed; a failure stops it. */
    int retry() {
        int published = 0;
        for (String collection : collections) {
            for (Object documentId : List.copyOf(waiting.get(collection))) {
                published += relay(collection, documentId);
                waiting.get(collection).remove(documentId);
            }
        }
        return published;
    }

    /** Publishes one document's waiting events in order, stopping at the first failure. */
    public int relay(String collection, Object documentId) {
        Document document = mongo.findById(documentId, Document.class, collection);
        if (document == null) {
            return 0;
        }
        List<Document> waiting = document.getList(OUTBOX_FIELD, Document.class, List.of());
        List<String> sent = new ArrayList<>();
        RuntimeException failure = null;
        for (Document entry : waiting) {
            OutboxMessage message = toMessage(entry);
            try (Scope parent = StoredTraceContext.restore(message.traceparent())) {
                sender.send(message.binding(), codec.toMessage(message.toEncodedEvent()));
                sent.add(message.eventId());
            } catch (RuntimeException e) {
                failure = e;
                break;
            }
        }
        if (!sent.isEmpty()) {
            Update removal = new Update()
                    .pull(OUTBOX_FIELD, Query.query(Criteria.where("eventId").in(sent)).getQueryObject())
                    .inc(versionField, 1);
            mongo.updateFirst(Query.query(Criteria.where("_id").is(documentId)), removal, collection);
        }
        if (failure != null) {
            throw failure;
        }
        return sent.size();
    }

    private void relayQuietly(String collection, Object documentId) {
        try {
            relay(collection, documentId);
        } catch (RuntimeException e) {
            waiting.get(collection).add(documentId);
            log.warn("Outbox of {}/{} not relayed yet, will retry in {}: {}", collection, documentId, retryInterval,
                    e.toString());
        }
    }

    private void retryQuietly() {
        try {
            retry();
        } catch (RuntimeException e) {
            log.warn("Outbox retry interrupted, will retry in {}: {}", retryInterval, e.toString());
        }
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("Outbox sweep interrupted, will retry in {}: {}", retryInterval, e.toString());
        }
    }

    private static OutboxMessage toMessage(Document entry) {
        Date time = entry.getDate("time");
        return new OutboxMessage(entry.getString("binding"), entry.getString("eventId"), entry.getString("type"),
                entry.getString("source"), entry.getString("subject"), entry.getString("partitionKey"),
                time == null ? null : time.toInstant(), entry.getString("data"), entry.getString("traceparent"));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String collection : collections) {
            Gauge.builder(BACKLOG_METRIC, waiting, known -> known.get(collection).size())
                    .description("Documents known to hold events not yet relayed to Kafka")
                    .baseUnit("documents")
                    .tag("collection", collection)
                    .register(registry);
        }
    }

    @Override
    public void start() {
        worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "outbox-relay");
            thread.setDaemon(true);
            return thread;
        });
        worker.scheduleWithFixedDelay(this::sweepQuietly, 0, sweepInterval.toMillis(), TimeUnit.MILLISECONDS);
        worker.scheduleWithFixedDelay(this::retryQuietly, retryInterval.toMillis(), retryInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (worker != null) {
            worker.shutdown();
            try {
                worker.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null && !worker.isShutdown();
    }
}
