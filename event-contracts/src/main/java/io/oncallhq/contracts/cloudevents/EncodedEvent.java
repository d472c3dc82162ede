package io.oncallhq.contracts.cloudevents;

import java.time.Instant;

/**
 * A contract event turned into CloudEvent attributes plus JSON data: the form an outbox stores and the relay
 * sends unchanged, so a resend carries the same id.
 */
public record EncodedEvent(
        String id,
        String type,
        String source,
        String subject,
        String partitionKey,
        Instant time,
        String data) {
}
