package io.oncallhq.ingest.intake;

import io.micrometer.core.instrument.MeterRegistry;
import io.oncallhq.ingest.integration.Integration;
import io.oncallhq.ingest.integration.IntegrationType;
import io.oncallhq.ingest.integration.UnknownIntegrationKeyException;
import io.oncallhq.ingest.publishing.BrokerUnavailableException;
import io.oncallhq.ingest.publishing.IngestTopic;

/**
 * Per topic, {@code oncallhq.alerts.received} or {@code oncallhq.changes.received} (events on Kafka, tags
 * {@code integration}, {@code format}) and {@code oncallhq.alerts.rejected} or {@code oncallhq.changes.rejected}
 * (requests refused, tags {@code integration}, {@code format}, {@code reason}; the integration is
 * {@value #NO_INTEGRATION} when the request was refused before its key was accepted).
 */
final class IntakeMetrics {

    static final String NO_INTEGRATION = "none";

    private final MeterRegistry meters;

    IntakeMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void received(IngestTopic topic, Integration integration, IntegrationType format, int events) {
        meters.counter(topic.receivedMeter(), "integration", integration.id(), "format", format.wireName()).increment(events);
    }

    /** @param integration null when the key was not (yet) accepted */
    void rejected(IngestTopic topic, Integration integration, IntegrationType format, RuntimeException why) {
        meters.counter(topic.rejectedMeter(), "integration", integration == null ? NO_INTEGRATION : integration.id(),
                "format", format.wireName(), "reason", reason(why)).increment();
    }

    static String reason(RuntimeException why) {
        return switch (why) {
            case PayloadTooLargeException ignored -> "too_large";
            case UnknownIntegrationKeyException ignored -> "unknown_key";
            case RateLimitedException ignored -> "rate_limited";
            case MalformedPayloadException ignored -> "malformed";
            case InvalidAlertException ignored -> "invalid";
            case BrokerUnavailableException ignored -> "broker_unavailable";
            default -> "error";
        };
    }
}
