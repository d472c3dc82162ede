package io.oncallhq.postmortem.history;

import io.oncallhq.contracts.incident.AlertAttached;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The alerts of the incident histories (collection {@value #COLLECTION}), each a document of its own beside its
 * history, so that one more alert costs a small write whatever the incident already holds, and the history stays
 * small. The id is the incident and the dedup key: storing an alert the incident has, or a redelivered attachment,
 * adds nothing.
 */
@Component
public class IncidentAlerts {

    public static final String COLLECTION = "incident_alerts";

    private final MongoTemplate mongo;

    IncidentAlerts(MongoTemplate mongo) {
        this.mongo = mongo;
        // The post-mortem reads an incident's first alerts in IncidentAlert.ORDER.
        mongo.indexOps(COLLECTION).createIndex(new Index("incidentId", Sort.Direction.ASC)
                .on("alert.startedAt", Sort.Direction.ASC).on("alert.dedupKey", Sort.Direction.ASC)
                .named("incident_order"));
    }

    /** An alert's document id. Lengths first, so that no incident id and dedup key can spell another pair's id. */
    public static String idOf(String incidentId, String dedupKey) {
        return incidentId.length() + ":" + incidentId + ":" + dedupKey;
    }

    /**
     * Stores the attached alert unless the incident has it; if it has, an occurrence that started before the one
     * stored describes it from now on, as the history always did.
     *
     * @return whether the history has yet to count the alert: this event stored it (now, or in a delivery that did not
     * get as far as {@link #counted}); false for an alert another event attached
     */
    boolean store(String eventId, AlertAttached attached) {
        IncidentAlert alert = IncidentAlert.of(attached);
        String id = idOf(attached.incidentId(), attached.dedupKey());
        try {
            mongo.insert(new StoredAlert(id, attached.incidentId(), alert, eventId, false), COLLECTION);
            return true;
        } catch (DuplicateKeyException known) {
            if (alert.startedAt() != null) {
                mongo.updateFirst(query(where("_id").is(id)).addCriteria(new Criteria().orOperator(
                                where("alert.startedAt").is(null), where("alert.startedAt").gt(alert.startedAt()))),
                        Update.update("alert", alert), COLLECTION);
            }
            StoredAlert stored = mongo.findById(id, StoredAlert.class, COLLECTION);
            return stored != null && eventId.equals(stored.attachedBy()) && !stored.counted();
        }
    }

    /** The history counts the alert: a redelivery of the event that attached it is not counted again. */
    void counted(String incidentId, String dedupKey) {
        mongo.updateFirst(query(where("_id").is(idOf(incidentId, dedupKey))), Update.update("counted", true), COLLECTION);
    }

    /** Alerts a history held inside, stored as counted; storing them again stores the same documents. */
    void storeCounted(String incidentId, List<IncidentAlert> alerts) {
        for (IncidentAlert alert : alerts) {
            mongo.save(new StoredAlert(idOf(incidentId, alert.dedupKey()), incidentId, alert, null, true), COLLECTION);
        }
    }

    /** The incident's first alerts in {@link IncidentAlert#ORDER}: by start, then those without one. */
    public List<IncidentAlert> first(String incidentId, int limit) {
        List<IncidentAlert> first = new ArrayList<>(inOrder(incidentId, where("alert.startedAt").ne(null), limit));
        if (first.size() < limit) {
            // MongoDB sorts a missing start before any other, IncidentAlert.ORDER after.
            first.addAll(inOrder(incidentId, where("alert.startedAt").is(null), limit - first.size()));
        }
        return first;
    }

    private List<IncidentAlert> inOrder(String incidentId, Criteria start, int limit) {
        Query query = query(where("incidentId").is(incidentId)).addCriteria(start)
                .with(Sort.by("alert.startedAt", "alert.dedupKey")).limit(limit);
        return mongo.find(query, StoredAlert.class, COLLECTION).stream().map(StoredAlert::alert).toList();
    }
}
