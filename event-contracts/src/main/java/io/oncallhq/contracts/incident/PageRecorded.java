package io.oncallhq.contracts.incident;

import io.oncallhq.contracts.EventType;

import java.time.Instant;

/**
 * A page of this incident, on its timeline: requested, delivered (and where) or failed (and why).
 *
 * @param outcome {@code requested}, {@code delivered} or {@code failed}
 * @param detail  the channel and destination, or the failure reason
 */
@EventType("incident.page-recorded.v1")
public record PageRecorded(
        String incidentId,
        String pageId,
        String responderId,
        String responderName,
        int level,
        String outcome,
        String detail,
        Instant occurredAt) implements IncidentEvent {

    public static final String REQUESTED = "requested";
    public static final String DELIVERED = "delivered";
    public static final String FAILED = "failed";
}
