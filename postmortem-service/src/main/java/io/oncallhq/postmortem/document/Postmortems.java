package io.oncallhq.postmortem.document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The stored post-mortems (collection {@value #COLLECTION}). The unique index on {@code incidentId} is what makes
 * "one post-mortem per incident" hold across redeliveries and replicas; the one on service and resolution finds
 * the post-mortems a change reported late may belong to. Updates compare-and-set the version.
 */
@Component
public class Postmortems {

    public static final String COLLECTION = "postmortems";

    private final MongoTemplate mongo;

    Postmortems(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index("incidentId", Sort.Direction.ASC).unique());
        mongo.indexOps(COLLECTION).createIndex(new Index()
                .on("facts.serviceId", Sort.Direction.ASC).on("facts.resolvedAt", Sort.Direction.ASC));
    }

    public Optional<Postmortem> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Postmortem.class, COLLECTION));
    }

    public Optional<Postmortem> findByIncidentId(String incidentId) {
        return Optional.ofNullable(mongo.findOne(query(where("incidentId").is(incidentId)), Postmortem.class, COLLECTION));
    }

    /** The service's post-mortems whose incident was (last) resolved at or after the instant. */
    public List<Postmortem> ofServiceResolvedSince(String serviceId, Instant at) {
        return mongo.find(query(where("facts.serviceId").is(serviceId).and("facts.resolvedAt").gte(at)),
                Postmortem.class, COLLECTION);
    }

    /** The team's post-mortems, or everyone's for null. */
    public List<Postmortem> ofTeam(String teamId) {
        return mongo.find(new Query(teamId == null ? new Criteria() : where("facts.teamId").is(teamId)),
                Postmortem.class, COLLECTION);
    }

    /** Newest first. */
    List<Postmortem> newest(int limit) {
        return mongo.find(new Query()
                .with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(limit), Postmortem.class, COLLECTION);
    }

    /** False when the incident already has a post-mortem. */
    public boolean insertIfAbsent(Postmortem postmortem) {
        try {
            mongo.insert(postmortem.withVersion(1), COLLECTION);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** False when someone else changed it since it was loaded. */
    public boolean replaceIfUnchanged(Postmortem postmortem) {
        return mongo.replace(query(where("_id").is(postmortem.id()).and("version").is(postmortem.version())),
                postmortem.withVersion(postmortem.version() + 1), COLLECTION).getMatchedCount() == 1;
    }
}
