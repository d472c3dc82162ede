package io.oncallhq.postmortem.search;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A cursor this service did not hand out; answered as 400. */
class InvalidCursorException extends ErrorResponseException {

    InvalidCursorException(String cursor) {
        super(HttpStatus.BAD_REQUEST, problem(cursor), null);
    }

    private static ProblemDetail problem(String cursor) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Not a cursor from a previous page: " + cursor);
        problem.setTitle("Invalid cursor");
        return problem;
    }
}
