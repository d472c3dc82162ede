package io.oncallhq.notification.slack;

/** A correctly signed request whose {@code payload} cannot be read: answered 400. */
public class MalformedInteractionException extends RuntimeException {

    public MalformedInteractionException(String reason) {
        super(reason);
    }
}
