package io.oncallhq.postmortem.change;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The stored changes (collection {@value #COLLECTION}, {@code _id} = the CloudEvent id, so a redelivered record is
 * the change already stored). The index on service and time serves "the changes to this service between then and
 * then".
 */
@Component
public class ServiceChanges {

    public static final String COLLECTION = "changes";

    private final MongoTemplate mongo;

    ServiceChanges(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index()
                .on("serviceId", Sort.Direction.ASC).on("occurredAt", Sort.Direction.ASC));
    }

    /** Stores the change once; a change already stored under its id stays as it is. */
    public void record(ServiceChange change) {
        try {
            mongo.insert(change, COLLECTION);
        } catch (DuplicateKeyException e) {
            // the same record delivered again: nothing new
        }
    }

    /** The latest {@code limit} changes to the service inside the window, newest first. */
    public List<ServiceChange> latestWithin(String serviceId, ChangeWindow window, int limit) {
        return mongo.find(query(where("serviceId").is(serviceId).and("occurredAt").gte(window.from()).lte(window.to()))
                        .with(Sort.by(Sort.Direction.DESC, "occurredAt", "_id")).limit(limit),
                ServiceChange.class, COLLECTION);
    }
}
