package io.oncallhq.incident.directory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.util.List;

/** A team or responder cannot be deleted while other objects point to it (409 problem listing them). */
public class StillReferencedException extends ErrorResponseException {

    StillReferencedException(String kind, String id, List<String> referencedBy) {
        super(HttpStatus.CONFLICT, problem(kind + " " + id + " is still referenced; change those first", referencedBy),
                null);
    }

    private static ProblemDetail problem(String detail, List<String> referencedBy) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        problem.setTitle("Still referenced");
        problem.setProperty("referencedBy", referencedBy);
        return problem;
    }
}
