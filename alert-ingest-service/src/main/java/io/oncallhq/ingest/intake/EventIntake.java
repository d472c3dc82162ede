package io.oncallhq.ingest.intake;

import io.micrometer.core.instrument.MeterRegistry;
import io.oncallhq.contracts.ContractEvent;
import io.oncallhq.ingest.config.IngestProperties;
import io.oncallhq.ingest.integration.Integration;
import io.oncallhq.ingest.integration.Integrations;
import io.oncallhq.ingest.publishing.EventPublisher;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Receiving what senders send, whatever their format and whether alerts or changes: authenticate, rate limit, bounded
 * read, parse, normalise, publish to the format's topic (a format with the key in the body reads and parses first).
 * Each step can refuse the request, and nothing is published unless every step before publishing passed for every
 * event of the request.
 */
@Component
public class EventIntake {

    private final Integrations integrations;
    private final RateLimits rateLimits;
    private final EventPublisher publisher;
    private final JsonMapper json;
    private final Clock clock;
    private final int maxBodyBytes;
    private final int rawPayloadBytes;
    private final IntakeMetrics metrics;

    EventIntake(Integrations integrations, RateLimits rateLimits, EventPublisher publisher, JsonMapper json, Clock clock,
                IngestProperties properties, MeterRegistry meters) {
        this.metrics = new IntakeMetrics(meters);
        this.integrations = integrations;
        this.rateLimits = rateLimits;
        this.publisher = publisher;
        this.json = json;
        this.clock = clock;
        this.maxBodyBytes = Math.toIntExact(properties.maxBodySize().toBytes());
        this.rawPayloadBytes = Math.toIntExact(properties.rawPayloadLimit().toBytes());
    }

    /**
     * For formats addressed by the key in the path.
     *
     * @return the events and their ids, once the broker acknowledged every event of the request
     * @throws PayloadTooLargeException, UnknownIntegrationKeyException, RateLimitedException,
     *         MalformedPayloadException, InvalidAlertException, BrokerUnavailableException
     */
    public <P, N> Published<N> receive(String key, SenderFormat<P, N> format, InputStream body, long contentLength) {
        Integration integration = counted(null, format, () -> integrations.authenticate(key));
        return counted(integration, format, () -> {
            rateLimits.acquire(integration);
            byte[] bytes = RequestBodies.read(body, contentLength, maxBodyBytes);
            return publish(integration, format, normalise(integration, format, bytes));
        });
    }

    /**
     * For formats that carry the key in the body (PagerDuty's {@code routing_key}): the body is parsed first.
     *
     * @param keyInBody the key the payload names; throws {@link InvalidAlertException} when it names none
     */
    public <P, N> Published<N> receive(Function<P, String> keyInBody, SenderFormat<P, N> format, InputStream body,
                                       long contentLength) {
        byte[] bytes = counted(null, format, () -> RequestBodies.read(body, contentLength, maxBodyBytes));
        P payload = counted(null, format, () -> parse(bytes, format.payloadType()));
        Integration integration = counted(null, format, () -> integrations.authenticate(keyInBody.apply(payload)));
        return counted(integration, format, () -> {
            rateLimits.acquire(integration);
            return publish(integration, format,
                    format.normalise(payload, integration, RawPayload.of(bytes, rawPayloadBytes), clock.instant()));
        });
    }

    /**
     * Counts a refused step by its reason and, once the key was accepted, its integration, and lets the refusal
     * through to the caller.
     */
    private <T> T counted(Integration admitted, SenderFormat<?, ?> format, Supplier<T> step) {
        try {
            return step.get();
        } catch (RuntimeException refused) {
            metrics.rejected(format.topic(), admitted, format.type(), refused);
            throw refused;
        }
    }

    /** What {@link #receive} would publish for this body, publishing nothing. */
    public <P> Explanation explain(String key, AlertFormat<P> format, InputStream body, long contentLength) {
        Integration integration = admit(key);
        return new Explanation(integration, format.type(),
                normalise(integration, format, RequestBodies.read(body, contentLength, maxBodyBytes)));
    }

    private <P, N> List<N> normalise(Integration integration, SenderFormat<P, N> format, byte[] bytes) {
        return format.normalise(parse(bytes, format.payloadType()), integration, RawPayload.of(bytes, rawPayloadBytes),
                clock.instant());
    }

    /**
     * Authenticates the key and takes one request from the integration's rate limit.
     *
     * @throws io.oncallhq.ingest.integration.UnknownIntegrationKeyException, RateLimitedException
     */
    public Integration admit(String key) {
        Integration integration = integrations.authenticate(key);
        rateLimits.acquire(integration);
        return integration;
    }

    /**
     * All events of the request at once (see {@link EventPublisher#publishAll}), so a 202 means all of them are on
     * Kafka. If one fails the request fails (503): the sender sends the whole batch again, and the alerts already
     * published arrive twice with the same dedup keys, which consumers fold together.
     */
    private <N> Published<N> publish(Integration integration, SenderFormat<?, N> format, List<N> normalised) {
        List<ContractEvent> events = new ArrayList<>(normalised.size());
        for (N each : normalised) {
            events.add(format.event(each));
        }
        List<String> eventIds = publisher.publishAll(format.topic(), events, clock.instant());
        metrics.received(format.topic(), integration, format.type(), eventIds.size());
        return new Published<>(normalised, eventIds);
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
