package io.oncallhq.postmortem.document;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Answered as a 404 problem. */
public class PostmortemNotFoundException extends ErrorResponseException {

    public PostmortemNotFoundException(String id) {
        super(HttpStatus.NOT_FOUND, problem(id), null);
    }

    private static ProblemDetail problem(String id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No post-mortem with id " + id);
        problem.setTitle("Post-mortem not found");
        return problem;
    }
}
