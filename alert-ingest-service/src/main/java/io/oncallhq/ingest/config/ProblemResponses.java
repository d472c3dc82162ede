package io.oncallhq.ingest.config;

import io.oncallhq.apisecurity.ApiProblems;
import io.oncallhq.ingest.intake.InvalidAlertException;
import io.oncallhq.ingest.intake.MalformedPayloadException;
import io.oncallhq.ingest.intake.PayloadTooLargeException;
import io.oncallhq.ingest.intake.RateLimitedException;
import io.oncallhq.ingest.heartbeat.NoHeartbeatException;
import io.oncallhq.ingest.intake.FieldViolation;
import io.oncallhq.ingest.integration.ConcurrentChangeException;
import io.oncallhq.ingest.integration.IntegrationNotFoundException;
import io.oncallhq.ingest.integration.InvalidIntegrationException;
import io.oncallhq.ingest.integration.LastKeyException;
import io.oncallhq.ingest.integration.ServiceCatalogueUnavailableException;
import io.oncallhq.ingest.integration.UnknownIntegrationKeyException;
import io.oncallhq.ingest.integration.UnknownKeyIdException;
import io.oncallhq.ingest.integration.UnknownServiceException;
import io.oncallhq.ingest.publishing.BrokerUnavailableException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;

import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Ingest's own failures on top of the ones every service answers alike ({@link ApiProblems}); the integration key in
 * the path is never echoed.
 */
@RestControllerAdvice
class ProblemResponses extends ApiProblems {

    /** The key is a credential: it must not come back in {@code instance} (Spring fills in the request path). */
    private static final Pattern INTEGRATION_KEY = Pattern.compile("^/integrations/[^/]+");

    private final IngestProperties properties;

    ProblemResponses(IngestProperties properties) {
        this.properties = properties;
    }

    @ExceptionHandler
    ResponseEntity<Object> unknownKey(UnknownIntegrationKeyException e, WebRequest request) {
        return problem(e, HttpStatus.UNAUTHORIZED, "Unknown integration key", e.getMessage(), new HttpHeaders(), request);
    }

    @ExceptionHandler
    ResponseEntity<Object> rateLimited(RateLimitedException e, WebRequest request) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
        return problem(e, HttpStatus.TOO_MANY_REQUESTS, "Too many requests", e.getMessage(), headers, request);
    }

    @ExceptionHandler
    ResponseEntity<Object> tooLarge(PayloadTooLargeException e, WebRequest request) {
        return problem(e, HttpStatus.CONTENT_TOO_LARGE, "Request body too large", e.getMessage(), new HttpHeaders(), request);
    }

    @ExceptionHandler
    ResponseEntity<Object> malformed(MalformedPayloadException e, WebRequest request) {
        String where = e.field() != null ? " (field " + e.field() + ")" : "";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Malformed JSON at line " + e.line() + ", column " + e.column() + where + ": " + e.getMessage());
        problem.setTitle(BAD_REQUEST);
        problem.setProperty("line", e.line());
        problem.setProperty("column", e.column());
        if (e.field() != null) {
            problem.setProperty("field", e.field());
        }
        return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler
    ResponseEntity<Object> invalid(InvalidAlertException e, WebRequest request) {
        return invalidFields(e, e.getMessage(), fieldProblems(e.violations()), request);
    }

    @ExceptionHandler
    ResponseEntity<Object> invalidIntegration(InvalidIntegrationException e, WebRequest request) {
        return invalidFields(e, e.getMessage(), fieldProblems(e.violations()), request);
    }

    @ExceptionHandler
    ResponseEntity<Object> unknownService(UnknownServiceException e, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setTitle("Unknown service");
        problem.setProperty("errors", List.of(new FieldProblem("serviceId", "no service " + e.serviceId() + " in incident-service's catalogue")));
        return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatus.UNPROCESSABLE_CONTENT, request);
    }

    @ExceptionHandler
    ResponseEntity<Object> catalogueUnavailable(ServiceCatalogueUnavailableException e, WebRequest request) {
        return problem(e, HttpStatus.SERVICE_UNAVAILABLE, "Service catalogue unavailable",
                e.getMessage() + "; nothing was stored, send it again later", retryAfter(), request);
    }

    @ExceptionHandler({IntegrationNotFoundException.class, UnknownKeyIdException.class, NoHeartbeatException.class})
    ResponseEntity<Object> integrationPartNotFound(RuntimeException e, WebRequest request) {
        return notFound(e, request);
    }

    @ExceptionHandler({LastKeyException.class, ConcurrentChangeException.class})
    ResponseEntity<Object> integrationConflict(RuntimeException e, WebRequest request) {
        return conflict(e, e.getMessage(), request);
    }

    @ExceptionHandler
    ResponseEntity<Object> brokerUnavailable(BrokerUnavailableException e, WebRequest request) {
        return problem(e, HttpStatus.SERVICE_UNAVAILABLE, "Alert not accepted",
                "The message broker did not acknowledge the alert; nothing was accepted, send it again later", retryAfter(), request);
    }

    private HttpHeaders retryAfter() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, properties.retryAfter().toSeconds())));
        return headers;
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            problem.setInstance(redactedPath(request));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private static List<FieldProblem> fieldProblems(List<FieldViolation> violations) {
        return violations.stream().map(violation -> new FieldProblem(violation.field(), violation.message())).toList();
    }

    private static URI redactedPath(WebRequest request) {
        HttpServletRequest servletRequest = ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
        String path = servletRequest == null ? "/" : servletRequest.getRequestURI();
        return URI.create(INTEGRATION_KEY.matcher(path).replaceFirst("/integrations/REDACTED"));
    }
}
