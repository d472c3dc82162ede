package io.oncallhq.ingest.publishing;

import io.oncallhq.contracts.alert.AlertEvent;
import io.oncallhq.contracts.cloudevents.CloudEventCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.messaging.MessagingException;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.UUID;

/**
 * Sends alert events to the {@code alerts} topic and returns only once the broker acknowledged them: the
 * binding is synchronous with acks=all and an idempotent producer, and bounded by the producer's
 * {@code max.block.ms} and {@code delivery.timeout.ms}. Ingest keeps no state with the event, so a direct send
 * (rather than an outbox) is enough: if it fails the sender is told to retry, and nothing was stored.
 */
@Component
public class AlertPublisher {

    static final String BINDING = "alerts-out-0";

    private static final Logger log = LoggerFactory.getLogger(AlertPublisher.class);

    private final StreamBridge streamBridge;
    private final CloudEventCodec codec;

    AlertPublisher(StreamBridge streamBridge, CloudEventCodec codec) {
        this.streamBridge = streamBridge;
        this.codec = codec;
    }

    /**
     * @return the new event's id
     * @throws BrokerUnavailableException when the broker did not acknowledge it in time
     */
    public String publish(AlertEvent event, Instant time) {
        String eventId = UUID.randomUUID().toString();
        publish(event, eventId, time);
        return eventId;
    }

    /**
     * With an id the caller derived, for an event that may be published again after a crash (a heartbeat's
     * overdue alert): the same id again is a redelivery to consumers, not a new alert.
     *
     * @throws BrokerUnavailableException when the broker did not acknowledge it in time
     */
    public void publish(AlertEvent event, String eventId, Instant time) {
        boolean sent;
        try {
            sent = streamBridge.send(BINDING, codec.toMessage(event, eventId, time));
        } catch (MessagingException e) {
            // Seen in the tests: a broker that went away gives a MessageHandlingException around Kafka's
            // TimeoutException ("Expiring 1 record(s)", after delivery.timeout.ms); a broker that was down since
            // startup leaves the binding unbound, giving a MessageDispatchingException ("Dispatcher has no
            // subscribers") at once. A wait beyond the binder's send timeout would be a MessageTimeoutException.
            log.warn("Alert event {} for service {} was not acknowledged by Kafka: {}", eventId, event.serviceId(), rootMessage(e));
            throw new BrokerUnavailableException("Kafka did not acknowledge the alert", e);
        }
        if (!sent) {
            throw new BrokerUnavailableException("The alerts binding did not accept the alert", null);
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
