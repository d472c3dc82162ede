package io.oncallhq.incident.lifecycle;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Keyed lookups for correlating an alert, so that its cost does not grow with the incidents stored: each key is a
 * document's {@code _id} pointing at one incident (the latest holding an alert, the latest of a group, the newest of a
 * service, the one that took an alert event in). A query on the incidents' own fields would scan them all where
 * secondary indexes are ignored (the embedded server ignores every non-unique one).
 *
 * <p>A key is only a pointer: the incident it names is loaded and checked before it counts, so a pointer written for a
 * change that then failed misleads nobody. Pointers to what an incident holds are therefore written before the change
 * (a crash after the change never leaves one missing); the processed-event pointer only after it.
 */
final class IncidentKeys {

    static final String COLLECTION = "incident_keys";
    private static final String INCIDENT_ID = "incidentId";
    /** Present once the incidents stored before the keys existed have theirs. */
    private static final String STORED_INCIDENTS_POINTED_AT = "stored-incidents-pointed-at:v1";

    private final MongoTemplate mongo;

    IncidentKeys(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    static String alert(String serviceId, String dedupKey) {
        return key("alert", serviceId, dedupKey);
    }

    static String group(String serviceId, String incidentGroup) {
        return key("group", serviceId, incidentGroup);
    }

    static String newest(String serviceId) {
        return key("newest", serviceId, "");
    }

    static String alertEvent(String eventId) {
        return key("alert-event", "", eventId);
    }

    /** Lengths first, so that no service id and key can spell another pair's key. */
    private static String key(String kind, String serviceId, String value) {
        return kind + ":" + serviceId.length() + ":" + serviceId + ":" + value;
    }

    Optional<String> incidentOf(String key) {
        Document found = mongo.findById(key, Document.class, COLLECTION);
        return Optional.ofNullable(found).map(document -> document.getString(INCIDENT_ID));
    }

    boolean exists(String key) {
        return mongo.exists(query(where("_id").is(key)), COLLECTION);
    }

    void point(String key, String incidentId) {
        mongo.upsert(query(where("_id").is(key)), new Update().set(INCIDENT_ID, incidentId), COLLECTION);
    }

    /**
     * Incidents stored before these keys existed get theirs, once: oldest first, so the latest incident holding an
     * alert is the one its key names. Alert events taken in before are not pointed at; their redelivery is still
     * caught by the incident that took them in, while it remembers them.
     */
    void pointAtStoredIncidents(String incidentsCollection) {
        once(STORED_INCIDENTS_POINTED_AT, () -> pointAtEach(incidentsCollection));
    }

    /** A one-off change of the stored incidents, unless it ran to its end before (then its marker exists). */
    void once(String marker, Runnable change) {
        if (exists(marker)) {
            return;
        }
        change.run();
        point(marker, "");
    }

    private void pointAtEach(String incidentsCollection) {
        Query oldestFirst = new Query().with(Sort.by(Sort.Direction.ASC, "number"));
        oldestFirst.fields().include("serviceId", "incidentGroup", "alerts.dedupKey");
        try (Stream<Document> stored = mongo.stream(oldestFirst, Document.class, incidentsCollection)) {
            stored.forEach(incident -> {
                String id = incident.getString("_id");
                String serviceId = incident.getString("serviceId");
                point(newest(serviceId), id);
                if (incident.getString("incidentGroup") != null) {
                    point(group(serviceId, incident.getString("incidentGroup")), id);
                }
                incident.getList("alerts", Document.class, List.of())
                        .forEach(alert -> point(alert(serviceId, alert.getString("dedupKey")), id));
            });
        }
    }
}
