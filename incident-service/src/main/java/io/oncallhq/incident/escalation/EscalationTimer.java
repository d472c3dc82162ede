package io.oncallhq.incident.escalation;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * A durable timer: page {@code level} of {@code round} of the incident's policy at {@code dueAt}. Its id is derived
 * from incident, reopen cycle, round and level, so scheduling the same step twice stores one timer.
 *
 * @param state          {@code pending}, {@code claimed} (an instance is firing it until {@code leaseExpiresAt})
 *                       or {@code done}
 * @param leaseOwner     the instance that claimed it last
 * @param leaseExpiresAt after this, another instance may claim it again (the owner crashed or stalled)
 */
@Document(EscalationTimers.COLLECTION)
record EscalationTimer(@Id String id, String incidentId, int level, int round, int cycle, Instant dueAt, String state,
                       String leaseOwner, Instant leaseExpiresAt, Instant firedAt) {

    static final String PENDING = "pending";
    static final String CLAIMED = "claimed";
    static final String DONE = "done";
}
