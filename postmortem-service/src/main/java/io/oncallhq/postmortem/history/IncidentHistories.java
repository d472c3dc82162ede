package io.oncallhq.postmortem.history;

import io.oncallhq.contracts.incident.IncidentEvent;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The stored incident histories (collection {@value #COLLECTION}, one document per incident). Each write is a
 * compare-and-set on the document's version, so two consumers projecting into the same history never lose an
 * event: the loser reloads and projects again.
 */
@Component
public class IncidentHistories {

    public static final String COLLECTION = "incident_histories";
    private static final int ATTEMPTS = 5;

    private final MongoTemplate mongo;

    IncidentHistories(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<IncidentHistory> find(String incidentId) {
        return Optional.ofNullable(mongo.findById(incidentId, IncidentHistory.class, COLLECTION));
    }

    /**
     * Projects the event into its incident's history and returns the history as stored afterwards. An event
     * whose id the history already holds changes nothing.
     */
    public IncidentHistory record(String eventId, IncidentEvent event) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            IncidentHistory current = find(event.incidentId()).orElseGet(() -> IncidentHistory.empty(event.incidentId()));
            Optional<IncidentHistory> changed = current.apply(eventId, event);
            if (changed.isEmpty()) {
                return current;
            }
            Optional<IncidentHistory> saved = saveIfUnchanged(changed.get());
            if (saved.isPresent()) {
                return saved.get();
            }
        }
        throw new OptimisticLockingFailureException("incident history " + event.incidentId()
                + " kept changing while event " + eventId + " was projected");
    }

    private Optional<IncidentHistory> saveIfUnchanged(IncidentHistory history) {
        IncidentHistory next = history.withVersion(history.version() + 1);
        if (history.version() == 0) {
            try {
                return Optional.of(mongo.insert(next, COLLECTION));
            } catch (DuplicateKeyException e) {
                return Optional.empty();
            }
        }
        long replaced = mongo.replace(query(where("_id").is(history.id()).and("version").is(history.version())),
                next, COLLECTION).getMatchedCount();
        return replaced == 1 ? Optional.of(next) : Optional.empty();
    }
}
