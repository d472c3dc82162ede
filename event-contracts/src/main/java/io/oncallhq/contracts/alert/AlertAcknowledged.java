package io.oncallhq.contracts.alert;

import io.oncallhq.contracts.EventType;

import java.time.Instant;

/** The sender acknowledged the alert (PagerDuty Events API v2 {@code acknowledge}). */
@EventType("alert.acknowledged.v1")
public record AlertAcknowledged(
        String serviceId,
        String integrationId,
        String dedupKey,
        Instant acknowledgedAt,
        Instant receivedAt) implements AlertEvent {
}
