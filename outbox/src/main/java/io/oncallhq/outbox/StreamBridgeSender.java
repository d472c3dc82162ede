package io.oncallhq.outbox;

import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.messaging.Message;

/**
 * Sends through Spring Cloud Stream. The output bindings must be configured with the Kafka producer's
 * {@code sync: true} (and acks=all), so that a send returns only after the broker acknowledged it.
 */
public final class StreamBridgeSender implements OutboxSender {

    private final StreamBridge streamBridge;

    public StreamBridgeSender(StreamBridge streamBridge) {
        this.streamBridge = streamBridge;
    }

    @Override
    public void send(String binding, Message<byte[]> message) {
        if (!streamBridge.send(binding, message)) {
            throw new IllegalStateException("binding " + binding + " did not accept the message");
        }
    }
}
