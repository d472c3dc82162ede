package io.oncallhq.incident.escalation;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.oncallhq.incident.lifecycle.EscalationStep;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The {@code escalation_timers} collection. Claiming is one atomic {@code findAndModify} on state, due time and
 * lease, so of several instances polling at once exactly one gets each due timer; a claim whose lease ran out
 * (its owner died) can be claimed again.
 */
@Component
public class EscalationTimers {

    static final String COLLECTION = "escalation_timers";
    static final String DUE_METRIC = "oncallhq.escalation.timers.due";

    private final MongoTemplate mongo;

    EscalationTimers(MongoTemplate mongo, Clock clock, MeterRegistry meters) {
        this.mongo = mongo;
        Gauge.builder(DUE_METRIC, this, timers -> timers.countDue(clock.instant()))
                .description("pending escalation timers whose due time has passed").register(meters);
        IndexOperations indexes = mongo.indexOps(COLLECTION);
        indexes.createIndex(new Index("state", Sort.Direction.ASC).on("dueAt", Sort.Direction.ASC).named("state_due"));
        indexes.createIndex(new Index("state", Sort.Direction.ASC).on("leaseExpiresAt", Sort.Direction.ASC)
                .named("state_lease"));
        indexes.createIndex(new Index("incidentId", Sort.Direction.ASC).named("incident"));
    }

    /** Pending timers already due: escalations waiting for a poller; above zero for long means none is polling. */
    long countDue(Instant now) {
        return mongo.count(query(where("state").is(EscalationTimer.PENDING).and("dueAt").lte(now)), EscalationTimer.class);
    }

    /** Stores the timer of this step unless it exists already (in any state): scheduling is idempotent. */
    public void schedule(String incidentId, EscalationStep step) {
        String id = step.timerId(incidentId);
        Update onInsert = new Update()
                .setOnInsert("incidentId", incidentId)
                .setOnInsert("level", step.level())
                .setOnInsert("round", step.round())
                .setOnInsert("cycle", step.cycle())
                .setOnInsert("dueAt", step.dueAt())
                .setOnInsert("state", EscalationTimer.PENDING);
        try {
            mongo.upsert(query(where("_id").is(id)), onInsert, EscalationTimer.class);
        } catch (DuplicateKeyException racedWithAnotherInstance) {
            // the other instance stored the same timer: nothing is missing
        }
    }

    /** Claims one due timer, or one whose lease expired, for {@code owner} until {@code now + lease}. */
    Optional<EscalationTimer> claimDue(String owner, Instant now, Duration lease) {
        Update claim = new Update().set("state", EscalationTimer.CLAIMED).set("leaseOwner", owner)
                .set("leaseExpiresAt", now.plus(lease));
        FindAndModifyOptions returnNew = FindAndModifyOptions.options().returnNew(true);
        Query due = query(where("state").is(EscalationTimer.PENDING).and("dueAt").lte(now))
                .with(Sort.by("dueAt"));
        EscalationTimer claimed = mongo.findAndModify(due, claim, returnNew, EscalationTimer.class);
        if (claimed == null) {
            Query abandoned = query(where("state").is(EscalationTimer.CLAIMED).and("leaseExpiresAt").lte(now));
            claimed = mongo.findAndModify(abandoned, claim, returnNew, EscalationTimer.class);
        }
        return Optional.ofNullable(claimed);
    }

    /** Marks the timer fired, as long as {@code owner} still holds its lease. */
    void markDone(EscalationTimer timer, String owner, Instant now) {
        mongo.updateFirst(query(where("_id").is(timer.id()).and("state").is(EscalationTimer.CLAIMED)
                        .and("leaseOwner").is(owner)),
                new Update().set("state", EscalationTimer.DONE).set("firedAt", now), EscalationTimer.class);
    }

    List<EscalationTimer> ofIncident(String incidentId) {
        return mongo.find(query(where("incidentId").is(incidentId)), EscalationTimer.class);
    }
}
