package io.oncallhq.contracts.alert;

import io.oncallhq.contracts.EventType;

import java.time.Instant;

/** The sender says the problem behind this one alert is gone. */
@EventType("alert.resolved.v1")
public record AlertResolved(
        String serviceId,
        String integrationId,
        String dedupKey,
        String summary,
        Instant resolvedAt,
        Instant receivedAt,
        String rawPayload) implements AlertEvent {
}
