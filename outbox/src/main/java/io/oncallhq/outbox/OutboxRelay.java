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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Publishes the events waiting in documents' {@value #OUTBOX_FIELD} arrays, in order, and removes them once the
 * broker acknowledged. A document is relayed right after its save ({@link #relaySoon}) and, for anything left
 * behind by a crash or a broker outage, by a periodic sweep. Delivery is at least once: a crash between the send
 * and the removal sends again with the same event id, which consumers deduplicate.
 *
 * <p>The removal increments the document's version field, so a concurrent save of a stale copy fails with an
 * optimistic-locking error instead of putting sent events back. As a lifecycle bean in the default phase it
 * starts after the bindings and stops before them.
 *
 * <p>Each event is sent as a child of the span that wrote it ({@link OutboxMessage#traceparent()}). As a bean it
 * also reports the gauge {@value #BACKLOG_METRIC} per collection: the documents the last sweep found waiting.
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
    private final Duration sweepInterval;
    private final Map<String, Integer> backlog = new ConcurrentHashMap<>();
    private ScheduledExecutorService worker;

    /**
     * @param collections  the collections whose documents carry an outbox
     * @param versionField the documents' optimistic-locking version field (Spring Data {@code @Version})
     */
    public OutboxRelay(MongoOperations mongo, OutboxSender sender, CloudEventCodec codec, List<String> collections,
                       String versionField, Duration sweepInterval) {
        this.mongo = mongo;
        this.sender = sender;
        this.codec = codec;
        this.collections = List.copyOf(collections);
        this.versionField = versionField;
        this.sweepInterval = sweepInterval;
    }

    /** Asks for the document's waiting events to be published now, on the relay's own thread. */
    public void relaySoon(String collection, Object documentId) {
        ScheduledExecutorService current = worker;
        if (current != null && !current.isShutdown()) {
            current.execute(() -> relayQuietly(collection, documentId));
        }
    }

    /** Publishes every waiting event of every collection; returns how many were published. */
    public int sweep() {
        int published = 0;
        for (String collection : collections) {
            Query pending = new Query(Criteria.where(OUTBOX_FIELD + ".0").exists(true));
            pending.fields().include("_id");
            List<Document> documents = mongo.find(pending, Document.class, collection);
            backlog.put(collection, documents.size());
            for (Document document : documents) {
                published += relay(collection, document.get("_id"));
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
            log.warn("Outbox of {}/{} not relayed yet, the sweep will retry: {}", collection, documentId, e.toString());
        }
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("Outbox sweep interrupted, will retry in {}: {}", sweepInterval, e.toString());
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
            Gauge.builder(BACKLOG_METRIC, backlog, waiting -> waiting.getOrDefault(collection, 0))
                    .description("Documents with events not yet relayed to Kafka, as found by the last outbox sweep")
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
