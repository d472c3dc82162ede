package io.oncallhq.incident.lifecycle;

/** The incident's status does not allow what was asked (acknowledging a resolved incident, for one). */
public class IllegalTransitionException extends RuntimeException {

    public IllegalTransitionException(String message) {
        super(message);
    }
}
