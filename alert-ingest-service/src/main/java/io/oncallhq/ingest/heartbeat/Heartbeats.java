package io.oncallhq.ingest.heartbeat;

import io.oncallhq.ingest.integration.ConcurrentChangeException;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The {@code heartbeats} collection, one document per heartbeat integration ({@code _id} = integration id). An
 * overdue check claims a document with a lease ({@code leaseUntil}) in one findAndModify, so of two replicas only
 * one handles it; every other change is stored over the version it was read at.
 */
@Component
public class Heartbeats {

    static final String COLLECTION = "heartbeats";
    private static final String VERSION = "version";
    private static final String LEASE_UNTIL = "leaseUntil";
    private static final Date NO_LEASE = new Date(0);

    private final MongoTemplate mongo;

    public Heartbeats(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the integration has one already */
    void insert(Heartbeat heartbeat) {
        Document document = new Document("_id", heartbeat.integrationId());
        fields(heartbeat).getUpdateObject().get("$set", Document.class).forEach(document::append);
        mongo.insert(document.append(VERSION, heartbeat.version()), COLLECTION);
    }

    Optional<Heartbeat> find(String integrationId) {
        return Optional.ofNullable(mongo.findById(integrationId, Document.class, COLLECTION)).map(Heartbeats::toHeartbeat);
    }

    /** @throws ConcurrentChangeException when it changed since it was read (another ping, a claim's mark, a pause) */
    Heartbeat replace(Heartbeat changed) {
        Document stored = mongo.findAndModify(
                Query.query(where("_id").is(changed.integrationId()).and(VERSION).is(changed.version())),
                fields(changed).inc(VERSION, 1), FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
        if (stored == null) {
            throw new ConcurrentChangeException("Heartbeat " + changed.integrationId());
        }
        return toHeartbeat(stored);
    }

    /** One overdue heartbeat that no other checker holds, now held by this one until {@code now + lease}. */
    Optional<Heartbeat> claimOverdue(Instant now, Duration lease) {
        Query overdue = Query.query(where("overdue").is(false).and("paused").is(false)
                .and("dueAt").lte(Date.from(now)).and(LEASE_UNTIL).lte(Date.from(now)));
        return Optional.ofNullable(mongo.findAndModify(overdue, new Update().set(LEASE_UNTIL, Date.from(now.plus(lease))),
                FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION)).map(Heartbeats::toHeartbeat);
    }

    void delete(String integrationId) {
        mongo.remove(Query.query(where("_id").is(integrationId)), COLLECTION);
    }

    /** Any change ends a lease: the claim it protected is either done or no longer true. */
    private static Update fields(Heartbeat heartbeat) {
        return new Update()
                .set("serviceId", heartbeat.serviceId())
                .set("intervalMillis", heartbeat.interval().toMillis())
                .set("graceMillis", heartbeat.grace().toMillis())
                .set("paused", heartbeat.paused())
                .set("lastPingAt", heartbeat.lastPingAt() == null ? null : Date.from(heartbeat.lastPingAt()))
                .set("dueAt", Date.from(heartbeat.dueAt()))
                .set("overdue", heartbeat.overdue())
                .set(LEASE_UNTIL, NO_LEASE);
    }

    private static Heartbeat toHeartbeat(Document document) {
        Date lastPingAt = document.getDate("lastPingAt");
        return new Heartbeat(document.getString("_id"), document.getString("serviceId"),
                Duration.ofMillis(((Number) document.get("intervalMillis")).longValue()),
                Duration.ofMillis(((Number) document.get("graceMillis")).longValue()),
                document.getBoolean("paused"), lastPingAt == null ? null : lastPingAt.toInstant(),
                document.getDate("dueAt").toInstant(), document.getBoolean("overdue"), ((Number) document.get(VERSION)).longValue());
    }
}
