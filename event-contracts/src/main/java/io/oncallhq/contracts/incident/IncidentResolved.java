package io.oncallhq.contracts.incident;

import io.oncallhq.contracts.Actor;
import io.oncallhq.contracts.EventType;

import java.time.Instant;

/**
 * The incident is over. Its post-mortem is drafted from the incident's events.
 *
 * @param openingTraceparent the W3C {@code traceparent} of the request or record that opened the incident (its
 *                           first alert, or the API call of a manual incident), so the post-mortem's drafting can
 *                           join the alert's trace while the resolve comes in a trace of its own. It stays the same
 *                           across a reopen and every later resolve. Null when unknown: opened outside any trace,
 *                           or before incidents kept it
 */
@EventType("incident.resolved.v1")
public record IncidentResolved(String incidentId, Actor by, String reason, Instant occurredAt,
                               String openingTraceparent) implements IncidentEvent {

    public IncidentResolved(String incidentId, Actor by, String reason, Instant occurredAt) {
        this(incidentId, by, reason, occurredAt, null);
    }
}
