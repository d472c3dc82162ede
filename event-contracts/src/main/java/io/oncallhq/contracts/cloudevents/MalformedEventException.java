package io.oncallhq.contracts.cloudevents;

/** A message that names a known event type but cannot be read: a poison message for the dead-letter topic. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
