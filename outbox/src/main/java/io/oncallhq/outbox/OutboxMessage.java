package io.oncallhq.outbox;

import io.oncallhq.contracts.ContractEvent;
import io.oncallhq.contracts.cloudevents.CloudEventCodec;
import io.oncallhq.contracts.cloudevents.EncodedEvent;
import org.springframework.data.annotation.PersistenceCreator;

import java.time.Instant;

/**
 * An event waiting inside its aggregate's document (field {@value OutboxRelay#OUTBOX_FIELD}) until the relay
 * has published it. Saved in the same write as the state change that caused it.
 *
 * @param binding     the Spring Cloud Stream output binding to publish through
 * @param traceparent the W3C trace context of the code that wrote it (null outside a trace); the relay sends
 *                    the event as a child of that span, so the event stays in the trace that caused it
 */
public record OutboxMessage(
        String binding,
        String eventId,
        String type,
        String source,
        String subject,
        String partitionKey,
        Instant time,
        String data,
        String traceparent) {

    @PersistenceCreator
    public OutboxMessage {
    }

    /** A message outside any trace. */
    public OutboxMessage(String binding, String eventId, String type, String source, String subject,
                         String partitionKey, Instant time, String data) {
        this(binding, eventId, type, source, subject, partitionKey, time, data, null);
    }

    /** The event, with the trace context current where it is written. */
    public static OutboxMessage of(String binding, EncodedEvent event) {
        return new OutboxMessage(binding, event.id(), event.type(), event.source(), event.subject(),
                event.partitionKey(), event.time(), event.data(), StoredTraceContext.currentTraceparent());
    }

    public static OutboxMessage of(String binding, CloudEventCodec codec, ContractEvent event, String eventId, Instant time) {
        return of(binding, codec.encode(event, eventId, time));
    }

    public EncodedEvent toEncodedEvent() {
        return new EncodedEvent(eventId, type, source, subject, partitionKey, time, data);
    }
}
