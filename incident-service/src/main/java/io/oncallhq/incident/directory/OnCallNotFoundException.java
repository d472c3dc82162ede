package io.oncallhq.incident.directory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A request names a team or responder that does not exist (404 problem). */
public class OnCallNotFoundException extends ErrorResponseException {

    OnCallNotFoundException(String kind, String id) {
        super(HttpStatus.NOT_FOUND, problem("No " + kind + " " + id), null);
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        problem.setTitle("Not found");
        return problem;
    }
}
