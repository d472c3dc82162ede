package io.oncallhq.ingest.intake;

import io.oncallhq.ingest.config.IngestProperties;
import io.oncallhq.ingest.integration.Integration;
import io.oncallhq.ingest.integration.IntegrationType;
import io.oncallhq.ingest.integration.Integrations;
import io.oncallhq.ingest.publishing.AlertPublisher;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;

/**
 * Receiving one alert, whatever its format: bounded read, authenticate, parse, normalise, publish. Each step
 * can refuse the alert, and nothing is published unless every step before publishing passed.
 */
@Component
public class AlertIntake {

    private final Integrations integrations;
    private final AlertPublisher publisher;
    private final JsonMapper json;
    private final Clock clock;
    private final int maxBodyBytes;
    private final int rawPayloadBytes;

    AlertIntake(Integrations integrations, AlertPublisher publisher, JsonMapper json, Clock clock, IngestProperties properties) {
        this.integrations = integrations;
        this.publisher = publisher;
        this.json = json;
        this.clock = clock;
        this.maxBodyBytes = Math.toIntExact(properties.maxBodySize().toBytes());
        this.rawPayloadBytes = Math.toIntExact(properties.rawPayloadLimit().toBytes());
    }

    /**
     * @return the dedup key and event id, once the broker acknowledged the event
     * @throws PayloadTooLargeException, UnknownIntegrationKeyException, MalformedPayloadException,
     *         InvalidAlertException, BrokerUnavailableException
     */
    public <P> Accepted receive(String key, IntegrationType type, AlertFormat<P> format, InputStream body, long contentLength) {
        byte[] bytes = RequestBodies.read(body, contentLength, maxBodyBytes);
        Integration integration = integrations.authenticate(key, type);
        P payload = parse(bytes, format.payloadType());
        Instant receivedAt = clock.instant();
        NormalisedAlert alert = format.normalise(payload, integration, RawPayload.truncated(bytes, rawPayloadBytes), receivedAt);
        String eventId = publisher.publish(alert.event(), receivedAt);
        return new Accepted(alert.senderDedupKey(), eventId);
    }

    private <P> P parse(byte[] bytes, Class<P> payloadType) {
        if (bytes.length == 0) {
            throw new MalformedPayloadException("The request body is empty", null, 1, 1);
        }
        try {
            P payload = json.readValue(bytes, payloadType);
            if (payload == null) {
                throw new MalformedPayloadException("The request body must be a JSON object, not null", null, 1, 1);
            }
            return payload;
        } catch (JacksonException e) {
            TokenStreamLocation location = e.getLocation();
            String field = e instanceof DatabindException && !e.getPath().isEmpty() ? jsonPath(e) : null;
            throw new MalformedPayloadException(e.getOriginalMessage(), field,
                    location == null ? -1 : location.getLineNr(), location == null ? -1 : location.getColumnNr());
        }
    }

    /** {@code links[0].href} rather than Jackson's reference notation. */
    private static String jsonPath(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
