package io.oncallhq.postmortem.actionitems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Answered as a 404 problem. */
class ActionItemNotFoundException extends ErrorResponseException {

    ActionItemNotFoundException(String postmortemId, String id) {
        super(HttpStatus.NOT_FOUND, problem(postmortemId, id), null);
    }

    private static ProblemDetail problem(String postmortemId, String id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "Post-mortem " + postmortemId + " has no action item " + id);
        problem.setTitle("Action item not found");
        return problem;
    }
}
