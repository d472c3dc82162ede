package io.oncallhq.postmortem.document;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** An edit based on an older version: 412 with the current version (as ETag and {@code currentVersion}). */
class StaleVersionException extends ErrorResponseException {

    StaleVersionException(String id, long currentVersion) {
        super(HttpStatus.PRECONDITION_FAILED, problem(id, currentVersion), null);
        getHeaders().setETag(Etags.of(currentVersion));
    }

    private static ProblemDetail problem(String id, long currentVersion) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED,
                "Post-mortem " + id + " changed since you read it; it is now at version " + currentVersion
                        + ". Read it again and reapply your edit.");
        problem.setTitle("Stale version");
        problem.setProperty("currentVersion", currentVersion);
        return problem;
    }
}
