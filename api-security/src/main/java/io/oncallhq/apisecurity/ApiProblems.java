package io.oncallhq.apisecurity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;

/**
 * The errors every service answers alike, as RFC 9457 {@code application/problem+json}. Each service's
 * {@code @RestControllerAdvice} extends this and adds only the mappings of its own exceptions, the shared kinds of
 * failure through {@link #invalidFields}, {@link #notFound} and {@link #conflict}, so that the same failure has the
 * same status, title and shape in every service:
 * <ul>
 *   <li>400 {@value #BAD_REQUEST}: fields at fault (bean validation of a body or of a parameter, or a service's own
 *   checks), each in {@code errors} as {@code {field, message}}; or a body that cannot be read.</li>
 *   <li>404 {@value #NOT_FOUND}, 405, 406, 415: Spring's, titled with the status phrase.</li>
 *   <li>409 {@value #CONFLICT}: a change the current state does not allow, or that lost a race with another change
 *   (an optimistic-lock failure that got this far).</li>
 *   <li>500 {@value #INTERNAL_ERROR}: anything else, logged with its stack trace; nothing of it is in the answer.</li>
 * </ul>
 * Titles are the status phrases (a problem of type {@code about:blank}); the detail says what happened.
 */
public abstract class ApiProblems extends ResponseEntityExceptionHandler {

    public static final String BAD_REQUEST = "Bad Request";
    public static final String NOT_FOUND = "Not Found";
    public static final String CONFLICT = "Conflict";
    public static final String INTERNAL_ERROR = "Internal Server Error";
    public static final String INVALID_FIELDS = "The request has invalid fields.";

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    /** One entry of a problem's {@code errors}. */
    public record FieldProblem(String field, String message) {

        public FieldProblem {
            message = message == null ? "is invalid" : message;
        }
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = e.getBindingResult().getAllErrors().stream()
                .map(error -> fieldProblem(error, e.getBindingResult().getObjectName())).toList();
        return invalidFields(e, INVALID_FIELDS, errors, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldProblem> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> fieldProblem(error, result.getMethodParameter().getParameterName())))
                .toList();
        return invalidFields(e, INVALID_FIELDS, errors, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        return problem(e, HttpStatus.BAD_REQUEST, BAD_REQUEST,
                "The request body is not JSON of the expected shape", new HttpHeaders(), request);
    }

    @ExceptionHandler
    protected ResponseEntity<Object> concurrentChange(OptimisticLockingFailureException e, WebRequest request) {
        return conflict(e, "It changed while this request was applied; read it again and send the request again", request);
    }

    @ExceptionHandler
    protected ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
        if (e instanceof ErrorResponse known) { // one of Spring's that the parent class does not list
            return handleExceptionInternal(e, known.getBody(), known.getHeaders(), known.getStatusCode(), request);
        }
        log.error("Unexpected failure", e);
        return problem(e, HttpStatus.INTERNAL_SERVER_ERROR, INTERNAL_ERROR, "The request was not handled", new HttpHeaders(), request);
    }

    /** 400 listing each field at fault. */
    protected ResponseEntity<Object> invalidFields(Exception e, String detail, List<FieldProblem> errors, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle(BAD_REQUEST);
        problem.setProperty("errors", errors);
        return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    /** 404: the exception's message says what was not found. */
    protected ResponseEntity<Object> notFound(Exception e, WebRequest request) {
        return problem(e, HttpStatus.NOT_FOUND, NOT_FOUND, e.getMessage(), new HttpHeaders(), request);
    }

    /** 409: the change conflicts with the current state. */
    protected ResponseEntity<Object> conflict(Exception e, String detail, WebRequest request) {
        return problem(e, HttpStatus.CONFLICT, CONFLICT, detail, new HttpHeaders(), request);
    }

    protected ResponseEntity<Object> problem(Exception e, HttpStatus status, String title, String detail, HttpHeaders headers,
                                             WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    private static FieldProblem fieldProblem(MessageSourceResolvable error, String otherwise) {
        return new FieldProblem(error instanceof FieldError field ? field.getField() : otherwise, error.getDefaultMessage());
    }
}
