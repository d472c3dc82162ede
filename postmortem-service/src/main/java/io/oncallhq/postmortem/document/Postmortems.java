package io.oncallhq.postmortem.document;

import io.oncallhq.outbox.Change;
import io.oncallhq.outbox.EventRoutes;
import io.oncallhq.outbox.OutboxWriter;
import io.oncallhq.outbox.OutboxWriters;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The stored post-mortems (collection {@value #COLLECTION}). The unique index on {@code incidentId} is what makes
 * "one post-mortem per incident" hold across redeliveries and replicas; the one on service and resolution finds
 * the post-mortems a change reported late may belong to. Written through the outbox writer (outbox/README.md) as
 * {@link PostmortemDocument}s: a post-mortem causes no events ({@link EventRoutes#NONE}), the writer's versioned
 * write is its compare-and-set, and the version is its ETag.
 */
@Component
public class Postmortems {

    public static final String COLLECTION = "postmortems";

    private final MongoTemplate mongo;
    private final OutboxWriter<Postmortem, PostmortemDocument> writer;

    Postmortems(MongoTemplate mongo, OutboxWriters writers) {
        this.mongo = mongo;
        this.writer = writers.of(PostmortemDocument.class, PostmortemDocument::of, EventRoutes.NONE);
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

    /** False when the incident already has a post-mortem (the unique index on {@code incidentId}). */
    public boolean insertIfAbsent(Postmortem postmortem) {
        return writer.insert(postmortem, List.of());
    }

    /**
     * Applies the change to the stored post-mortem and saves what it made ({@link Change#replacedBy}), unless it
     * returned {@link Change#unchanged()}; the writer runs it again on a fresh copy after a concurrent write, up to its
     * stated attempts. Returns the post-mortem as stored afterwards, with its new version when it was saved; empty
     * when there is no such post-mortem.
     */
    public Optional<Postmortem> update(String id, Function<Postmortem, Change<Postmortem>> change) {
        return writer.update(id, change).map(written -> written.saved()
                ? written.aggregate().withVersion(written.aggregate().version() + 1)
                : written.aggregate());
    }
}
