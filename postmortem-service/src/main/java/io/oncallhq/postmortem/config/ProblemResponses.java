package io.oncallhq.postmortem.config;

import io.oncallhq.apisecurity.ApiProblems;
import io.oncallhq.postmortem.document.UnknownSectionException;
import io.oncallhq.postmortem.review.ForbiddenStepException;
import io.oncallhq.postmortem.review.IllegalTransitionException;
import io.oncallhq.postmortem.team.TeamsUnavailableException;
import io.oncallhq.postmortem.timeline.InvalidMitigationException;
import io.oncallhq.postmortem.timeline.UnknownTimelineEntryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;

import java.util.List;

/**
 * postmortem-service's own failures on top of the ones every service answers alike ({@link ApiProblems}): steps the
 * actor's role does not allow 403, and 503 when incident-service cannot say who belongs to a team. Unknown ids, stale
 * versions and bad cursors arrive as {@link org.springframework.web.ErrorResponseException}s that carry their own answer.
 */
@RestControllerAdvice
class ProblemResponses extends ApiProblems {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    @ExceptionHandler
    ResponseEntity<Object> illegalTransition(IllegalTransitionException e, WebRequest request) {
        return conflict(e, e.getMessage(), request);
    }

    @ExceptionHandler
    ResponseEntity<Object> forbiddenStep(ForbiddenStepException e, WebRequest request) {
        return problem(e, HttpStatus.FORBIDDEN, "Not allowed for this user", e.getMessage(), new HttpHeaders(), request);
    }

    @ExceptionHandler
    ResponseEntity<Object> teamsUnavailable(TeamsUnavailableException e, WebRequest request) {
        log.warn(e.getMessage());
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "5");
        return problem(e, HttpStatus.SERVICE_UNAVAILABLE, "incident-service unavailable",
                "Team membership cannot be checked right now; try again shortly", headers, request);
    }

    @ExceptionHandler
    ResponseEntity<Object> invalidMitigation(InvalidMitigationException e, WebRequest request) {
        return invalidFields(e, INVALID_FIELDS, List.of(new FieldProblem(e.field(), e.getMessage())), request);
    }

    @ExceptionHandler({UnknownSectionException.class, UnknownTimelineEntryException.class})
    ResponseEntity<Object> unknownPart(RuntimeException e, WebRequest request) {
        return notFound(e, request);
    }
}
