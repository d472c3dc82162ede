package io.oncallhq.postmortem.review;

/** The acting user's role does not allow this step; answered as 403 with the reason. */
public class ForbiddenStepException extends RuntimeException {

    public ForbiddenStepException(String reason) {
        super(reason);
    }
}
