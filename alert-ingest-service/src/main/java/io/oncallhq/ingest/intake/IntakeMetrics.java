package io.oncallhq.ingest.intake;

import io.micrometer.core.instrument.MeterRegistry;
import io.oncallhq.ingest.integration.Integration;
import io.oncallhq.ingest.integration.IntegrationType;
import io.oncallhq.ingest.integration.UnknownIntegrationKeyException;
import io.oncallhq.ingest.publishing.BrokerUnavailableException;

/**
 * {@code oncallhq.alerts.received} (alerts on Kafka, tags {@code integration}, {@code format}) and
 * {@code oncallhq.alerts.rejected} (requests refused, tags {@code integration}, {@code format}, {@code reason}; the
 * integration is {@value #NO_INTEGRATION} when the request was refused before its key was accepted).
 */
final class IntakeMetrics {

    static final String RECEIVED = "oncallhq.alerts.received";
    static final String REJECTED = "oncallhq.alerts.rejected";
    static final String NO_INTEGRATION = "none";

    private final MeterRegistry meters;

    IntakeMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void received(Integration integration, IntegrationType format, int alerts) {
        meters.counter(RECEIVED, "integration", integration.id(), "format", format.wireName()).increment(alerts);
    }

    /** @param integration null when the key was not (yet) accepted */
    void rejected(Integration integration, IntegrationType format, RuntimeException why) {
        meters.counter(REJECTED, "integration", integration == null ? NO_INTEGRATION : integration.id(),
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
