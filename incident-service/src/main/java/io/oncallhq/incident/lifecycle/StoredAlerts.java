package io.oncallhq.incident.lifecycle;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The alerts of incidents, each a document of its own beside its incident, so that one more alert costs a small
 * write whatever the incident already holds. An alert is found by its key (incident and dedup key), never by a scan.
 * An alert is stored before the incident change that counts it: when that change then fails, the alert's key still
 * makes the redelivery find the same incident, and {@link #before} gives the alert as it was before the event.
 */
final class StoredAlerts {

    static final String COLLECTION = "incident_alerts";
    /** Present once the incidents stored with their alerts inside have them moved out. */
    static final String ALERTS_MOVED_OUT = "stored-incidents-alerts-moved-out:v1";

    private final MongoTemplate mongo;

    StoredAlerts(MongoTemplate mongo) {
        this.mongo = mongo;
        // Serves the paged list on MongoDB; the embedded server ignores it and reads the collection.
        mongo.indexOps(COLLECTION).createIndex(new Index("incidentId", Sort.Direction.ASC)
                .on("alert.number", Sort.Direction.ASC).named("incident_number"));
    }

    /** Lengths first, so that no incident id and dedup key can spell another pair's id. */
    private static String idOf(String incidentId, String dedupKey) {
        return incidentId.length() + ":" + incidentId + ":" + dedupKey;
    }

    /**
     * The alert as it was before this event changed it: as stored, unless the stored change is this event's own (a
     * redelivery), then as it was before that change; empty when the incident has no such alert (or got it from this
     * event).
     */
    Optional<IncidentAlert> before(String incidentId, String dedupKey, String eventId) {
        IncidentAlertDocument stored = mongo.findById(idOf(incidentId, dedupKey), IncidentAlertDocument.class);
        if (stored == null) {
            return Optional.empty();
        }
        return eventId != null && eventId.equals(stored.lastEventId())
                ? Optional.ofNullable(stored.beforeLastEvent()) : Optional.of(stored.alert());
    }

    boolean holds(String incidentId, String dedupKey) {
        return mongo.exists(query(where("_id").is(idOf(incidentId, dedupKey))), COLLECTION);
    }

    /**
     * Each change replaces its alert's one document, so storing the same change again (a retried or redelivered
     * event) leaves the same document.
     *
     * @param eventId the event that caused the changes (an alert event, a command); null for changes no event caused
     */
    void store(String incidentId, List<IncidentAlerts.Change> changes, String eventId) {
        for (IncidentAlerts.Change change : changes) {
            mongo.save(new IncidentAlertDocument(idOf(incidentId, change.after().dedupKey()), incidentId,
                    change.after(), eventId, change.before()));
        }
    }

    /**
     * The incident's alerts in the order they were attached, after the given place ({@link IncidentAlert#number}).
     *
     * @param status null for every alert
     */
    List<IncidentAlert> page(String incidentId, IncidentAlert.AlertStatus status, long afterNumber, int limit) {
        Query query = query(where("incidentId").is(incidentId).and("alert.number").gt(afterNumber));
        if (status != null) {
            query.addCriteria(where("alert.status").is(status));
        }
        query.with(Sort.by(Sort.Direction.ASC, "alert.number")).limit(limit);
        return mongo.find(query, IncidentAlertDocument.class).stream().map(IncidentAlertDocument::alert).toList();
    }

    /**
     * Incidents stored with every alert inside get them moved out: each alert stored on its own, in the order attached,
     * and the incident left with their summary. Run once at start, before any alert is taken in; running it again
     * after an interruption stores the same documents again.
     */
    void moveOutOfStoredIncidents(String incidentsCollection) {
        Query holdingAlerts = query(where("alerts").ne(null));
        try (Stream<IncidentDocument> stored = mongo.stream(holdingAlerts, IncidentDocument.class, incidentsCollection)) {
            stored.filter(Objects::nonNull).forEach(incident -> {
                List<IncidentAlert> alerts = incident.numberedAlerts();
                store(incident.id(), alerts.stream().map(alert -> new IncidentAlerts.Change(null, alert)).toList(), null);
                mongo.updateFirst(query(where("_id").is(incident.id())),
                        new Update().set("alertSummary", AlertSummary.of(alerts)).unset("alerts"), IncidentDocument.class);
            });
        }
    }
}
