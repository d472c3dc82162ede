package io.oncallhq.incident.change;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;

/**
 * Collection {@value #COLLECTION}: one document per change, {@code _id} = its CloudEvent id, so a redelivered record
 * finds its change already stored. {@code serviceId+occurredAt} serves "the latest changes to S before T" (real
 * MongoDB uses it; the embedded server scans).
 */
@Component
class ServiceChanges {

    static final String COLLECTION = "service_changes";

    private final MongoTemplate mongo;

    ServiceChanges(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index()
                .on("serviceId", Sort.Direction.ASC).on("occurredAt", Sort.Direction.ASC));
    }

    /** @return false when the change was stored before (the same record delivered again) */
    boolean store(ServiceChange change) {
        try {
            mongo.insert(change, COLLECTION);
            return true;
        } catch (DuplicateKeyException alreadyStored) {
            return false;
        }
    }

    /**
     * The latest {@code limit} changes to the service within the window, newest first (same instant: by id, so
     * the answer is stable). {@code maxTime} lets the server give up on a query nobody waits for any more.
     */
    List<ServiceChange> latest(String serviceId, ChangeWindow window, int limit, Duration maxTime) {
        Query latest = new Query(Criteria.where("serviceId").is(serviceId)
                .and("occurredAt").gte(window.from()).lte(window.to()))
                .with(Sort.by(Sort.Direction.DESC, "occurredAt", "_id"))
                .limit(limit)
                .maxTime(maxTime);
        return mongo.find(latest, ServiceChange.class, COLLECTION);
    }
}
