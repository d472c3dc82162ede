package io.oncallhq.postmortem.history;

import io.oncallhq.contracts.incident.AlertAttached;
import io.oncallhq.contracts.incident.IncidentEvent;
import io.oncallhq.outbox.Change;
import io.oncallhq.outbox.EventRoutes;
import io.oncallhq.outbox.OutboxWriter;
import io.oncallhq.outbox.OutboxWriters;
import io.oncallhq.outbox.Written;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The stored incident histories (collection {@value #COLLECTION}, one document per incident), their alerts stored
 * beside them ({@link IncidentAlerts}). Written through the outbox writer (outbox/README.md) as
 * {@link IncidentHistoryDocument}s: each write is versioned, so two consumers projecting into the same history never
 * lose an event (the writer reloads and projects again), and it skips an event among the last ids the history
 * applied. Beyond those, the history itself knows every event it projected (by id, in its timeline entries and
 * bursts) and the alert store every alert it counted, so a redelivery however late changes nothing.
 */
@Component
public class IncidentHistories {

    public static final String COLLECTION = "incident_histories";
    /** Where one-off changes to stored data note that they ran. */
    static final String MIGRATIONS = "migrations";
    static final String ALERTS_MOVED_OUT = "incident-histories-alerts-moved-out:v1";
    private final MongoTemplate mongo;
    private final IncidentAlerts alerts;
    private final OutboxWriter<IncidentHistory, IncidentHistoryDocument> writer;

    IncidentHistories(MongoTemplate mongo, IncidentAlerts alerts, OutboxWriters writers) {
        this.mongo = mongo;
        this.alerts = alerts;
        this.writer = writers.of(IncidentHistoryDocument.class, IncidentHistoryDocument::of, EventRoutes.NONE);
        if (!mongo.exists(query(where("_id").is(ALERTS_MOVED_OUT)), MIGRATIONS)) {
            moveAlertsOutOfStoredHistories();
            mongo.save(new Document("_id", ALERTS_MOVED_OUT).append("at", Instant.now()), MIGRATIONS);
        }
    }

    public Optional<IncidentHistory> find(String incidentId) {
        return Optional.ofNullable(mongo.findById(incidentId, IncidentHistory.class, COLLECTION));
    }

    /**
     * Projects the event into its incident's history and returns the history as stored afterwards. An event
     * whose id the history already holds changes nothing; nor does an attachment of an alert the history counted.
     *
     * <p>An attached alert is stored first, then counted in the history, then noted as counted in the store. A
     * redelivery after a crash between the first two writes counts it; after a crash between the last two, the
     * history knows it as the last alert it counted (one consumer takes an incident's events in order, since they
     * are keyed by incident), and after all three, the store says it was counted.
     */
    public IncidentHistory record(String eventId, IncidentEvent event) {
        if (event instanceof AlertAttached attached) {
            boolean newAlert = alerts.store(eventId, attached);
            IncidentHistory recorded = project(eventId, event, history -> history.attach(eventId, attached, newAlert));
            if (newAlert) {
                alerts.counted(attached.incidentId(), attached.dedupKey());
            }
            return recorded;
        }
        return project(eventId, event, history -> history.apply(eventId, event));
    }

    /**
     * Through the writer, once per event id. The first event of an incident finds no history: it inserts one. That is
     * no retry: when another consumer inserted it meanwhile, the insert is refused and the event is applied to theirs
     * (a history is never removed, so the second update finds it).
     */
    private IncidentHistory project(String eventId, IncidentEvent event,
                                    Function<IncidentHistory, Optional<IncidentHistory>> change) {
        String incidentId = event.incidentId();
        Optional<IncidentHistory> projected = projectInto(incidentId, eventId, change);
        if (projected.isPresent()) {
            return projected.get();
        }
        IncidentHistory empty = IncidentHistory.empty(incidentId);
        Optional<IncidentHistory> first = change.apply(empty);
        if (first.isEmpty()) {
            return empty;
        }
        if (writer.insert(first.get(), eventId, List.of())) {
            return first.get();
        }
        return projectInto(incidentId, eventId, change).orElseThrow(() ->
                new IllegalStateException("incident history " + incidentId + " was removed while stored"));
    }

    /** Empty when the incident has no history yet. */
    private Optional<IncidentHistory> projectInto(String incidentId, String eventId,
                                                  Function<IncidentHistory, Optional<IncidentHistory>> change) {
        return writer.updateOnce(incidentId, eventId,
                stored -> change.apply(stored).map(Change::replacedBy).orElseGet(Change::unchanged))
                .map(IncidentHistories::asStored);
    }

    private static IncidentHistory asStored(Written<IncidentHistory> written) {
        IncidentHistory history = written.aggregate();
        return written.saved() ? history.withVersion(history.version() + 1) : history;
    }

    /**
     * Histories stored with every alert inside (and a timeline line per attachment) get their alerts stored beside
     * them and their attachments folded into bursts. Runs at start, before any event is taken in; running it again
     * after an interruption stores the same alerts again and skips the histories already done.
     */
    void moveAlertsOutOfStoredHistories() {
        Query holdingAlerts = query(where("alerts").exists(true));
        holdingAlerts.fields().include("_id");
        MongoConverter converter = mongo.getConverter();
        for (Document idOnly : mongo.find(holdingAlerts, Document.class, COLLECTION)) {
            Document stored = mongo.findById(idOnly.get("_id"), Document.class, COLLECTION);
            stored.putIfAbsent("alertCount", 0); // counted from the alerts it holds
            IncidentHistory history = converter.read(IncidentHistory.class, stored);
            List<IncidentAlert> held = stored.getList("alerts", Document.class).stream()
                    .map(alert -> converter.read(IncidentAlert.class, alert)).toList();
            alerts.storeCounted(history.id(), held);
            mongo.replace(query(where("_id").is(history.id()).and("version").is(history.version())),
                    history.withAlertsMovedOut(held).withVersion(history.version() + 1), COLLECTION);
        }
    }
}
