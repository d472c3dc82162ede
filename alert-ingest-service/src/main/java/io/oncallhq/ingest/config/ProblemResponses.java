package io.oncallhq.ingest.config;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Every error as RFC 9457 {@code application/problem+json}; the integration key in the path is never echoed. */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);
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
        problem.setTitle("Malformed JSON");
        problem.setProperty("line", e.line());
        problem.setProperty("column", e.column());
        if (e.field() != null) {
            problem.setProperty("field", e.field());
        }
        return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler
    ResponseEntity<Object> invalid(InvalidAlertException e, WebRequest request) {
        return fieldsAtFault(e, HttpStatus.BAD_REQUEST, "Invalid alert", e.getMessage(), e.violations(), request);
    }

    @ExceptionHandler
    ResponseEntity<Object> invalidIntegration(InvalidIntegrationException e, WebRequest request) {
        return fieldsAtFault(e, HttpStatus.BAD_REQUEST, "Invalid integration", e.getMessage(), e.violations(), request);
    }

    @ExceptionHandler
    ResponseEntity<Object> unknownService(UnknownServiceException e, WebRequest request) {
        return fieldsAtFault(e, HttpStatus.UNPROCESSABLE_CONTENT, "Unknown service", e.getMessage(),
                List.of(new FieldViolation("serviceId", "no service " + e.serviceId() + " in incident-service's catalogue")), request);
    }

    @ExceptionHandler
    ResponseEntity<Object> catalogueUnavailable(ServiceCatalogueUnavailableException e, WebRequest request) {
        return problem(e, HttpStatus.SERVICE_UNAVAILABLE, "Service catalogue unavailable",
                e.getMessage() + "; nothing was stored, send it again later", retryAfter(), request);
    }

    @ExceptionHandler({IntegrationNotFoundException.class, UnknownKeyIdException.class, NoHeartbeatException.class})
    ResponseEntity<Object> notFound(RuntimeException e, WebRequest request) {
        return problem(e, HttpStatus.NOT_FOUND, "Not found", e.getMessage(), new HttpHeaders(), request);
    }

    @ExceptionHandler({LastKeyException.class, ConcurrentChangeException.class})
    ResponseEntity<Object> conflict(RuntimeException e, WebRequest request) {
        return problem(e, HttpStatus.CONFLICT, "Conflict", e.getMessage(), new HttpHeaders(), request);
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

    @ExceptionHandler
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
        if (e instanceof ErrorResponse known) { // one of Spring's that the parent class does not list
            return handleExceptionInternal(e, known.getBody(), known.getHeaders(), known.getStatusCode(), request);
        }
        log.error("Unexpected failure", e);
        return problem(e, HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "The alert was not accepted", new HttpHeaders(), request);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            problem.setInstance(redactedPath(request));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private ResponseEntity<Object> problem(Exception e, HttpStatus status, String title, String detail, HttpHeaders headers,
                                           WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    private ResponseEntity<Object> fieldsAtFault(Exception e, HttpStatus status, String title, String detail,
                                                 List<FieldViolation> violations, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setProperty("errors", violations.stream()
                .map(violation -> Map.of("field", violation.field(), "message", violation.message()))
                .toList());
        return handleExceptionInternal(e, problem, new HttpHeaders(), status, request);
    }

    private static URI redactedPath(WebRequest request) {
        HttpServletRequest servletRequest = ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
        String path = servletRequest == null ? "/" : servletRequest.getRequestURI();
        return URI.create(INTEGRATION_KEY.matcher(path).replaceFirst("/integrations/REDACTED"));
    }
}
