package io.oncallhq.postmortem.review;

/** A workflow step or edit the post-mortem's current status does not allow; answered as 409. */
public class IllegalTransitionException extends RuntimeException {

    public IllegalTransitionException(String message) {
        super(message);
    }
}
