package io.oncallhq.outbox;

import org.springframework.messaging.Message;

/**
 * Publishes one message and returns only once the broker has it.
 * Throws when it could not; the relay then keeps the message and tries again later.
 */
@FunctionalInterface
public interface OutboxSender {

    void send(String binding, Message<byte[]> message);
}
