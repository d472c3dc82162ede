package io.oncallhq.ingest.publishing;

/** Kafka did not acknowledge the event in the bounded time; the sender should retry later. */
public class BrokerUnavailableException extends RuntimeException {

    public BrokerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
