package io.oncallhq.postmortem.config;

import io.oncallhq.postmortem.ForbiddenStepException;
import io.oncallhq.postmortem.IllegalTransitionException;
import io.oncallhq.postmortem.InvalidMitigationException;
import io.oncallhq.postmortem.UnknownSectionException;
import io.oncallhq.postmortem.UnknownTimelineEntryException;
import io.oncallhq.postmortem.team.TeamsUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;

/**
 * RFC 9457 problem details for every error; validation problems list each field at fault in {@code errors}.
 * Illegal workflow steps are 409, steps the actor's role does not allow 403, unknown sections and timeline entries
 * 404, and 503 when incident-service cannot say who belongs to a team. Unknown ids arrive here as {@link org.springframework.web.ErrorResponseException}s that carry their own 404.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> fieldError(error.getField(), error.getDefaultMessage())).toList();
        return withErrors(ex.getBody(), errors, headers, status, request, ex);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> fieldError(
                        error instanceof FieldError field ? field.getField() : result.getMethodParameter().getParameterName(),
                        error.getDefaultMessage())))
                .toList();
        return withErrors(ex.getBody(), errors, headers, status, request, ex);
    }

    @ExceptionHandler(IllegalTransitionException.class)
    ProblemDetail illegalTransition(IllegalTransitionException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Not allowed in this state");
        return problem;
    }

    @ExceptionHandler(ForbiddenStepException.class)
    ProblemDetail forbiddenStep(ForbiddenStepException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setTitle("Not allowed for this user");
        return problem;
    }

    @ExceptionHandler(TeamsUnavailableException.class)
    ResponseEntity<ProblemDetail> teamsUnavailable(TeamsUnavailableException e) {
        log.warn(e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Team membership cannot be checked right now; try again shortly");
        problem.setTitle("incident-service unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
    }

    @ExceptionHandler(InvalidMitigationException.class)
    ProblemDetail invalidMitigation(InvalidMitigationException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid fields.");
        problem.setProperty("errors", List.of(fieldError(e.field(), e.getMessage())));
        return problem;
    }

    @ExceptionHandler(UnknownSectionException.class)
    ProblemDetail unknownSection(UnknownSectionException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Section not found");
        return problem;
    }

    @ExceptionHandler(UnknownTimelineEntryException.class)
    ProblemDetail unknownTimelineEntry(UnknownTimelineEntryException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Timeline entry not found");
        return problem;
    }

    private ResponseEntity<Object> withErrors(ProblemDetail problem, List<FieldProblem> errors,
            HttpHeaders headers, HttpStatusCode status, WebRequest request, Exception ex) {
        problem.setDetail("The request has invalid fields.");
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    private static FieldProblem fieldError(String field, String message) {
        return new FieldProblem(field, message == null ? "is invalid" : message);
    }

    /** One entry of a problem's {@code errors}. */
    record FieldProblem(String field, String message) {
    }
}
