package io.oncallhq.ingest.pagerduty;

import io.oncallhq.ingest.config.IngestProperties;
import io.oncallhq.ingest.intake.InvalidAlertException;
import io.oncallhq.ingest.intake.MalformedPayloadException;
import io.oncallhq.ingest.intake.PayloadTooLargeException;
import io.oncallhq.ingest.intake.RateLimitedException;
import io.oncallhq.ingest.integration.UnknownIntegrationKeyException;
import io.oncallhq.ingest.publishing.BrokerUnavailableException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;

/**
 * Errors on {@code /v2/enqueue} and {@code /v2/change/enqueue} in PagerDuty's shape ({@code status}, {@code message},
 * {@code errors}), not problem+json: tools written for PagerDuty read these. Ahead of the service-wide problem responses.
 */
@RestControllerAdvice(assignableTypes = PagerDutyController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PagerDutyResponses {

    private static final String INVALID_EVENT = "invalid event";
    private static final String EVENT_INVALID = "Event object is invalid";

    private final IngestProperties properties;

    PagerDutyResponses(IngestProperties properties) {
        this.properties = properties;
    }

    @ExceptionHandler
    ResponseEntity<ErrorResponse> invalid(InvalidAlertException e) {
        List<String> errors = e.violations().stream().map(violation -> "'" + violation.field() + "' " + violation.message()).toList();
        return answer(HttpStatus.BAD_REQUEST, new ErrorResponse(INVALID_EVENT, EVENT_INVALID, errors), new HttpHeaders());
    }

    @ExceptionHandler
    ResponseEntity<ErrorResponse> malformed(MalformedPayloadException e) {
        String where = e.field() != null ? " (field " + e.field() + ")" : "";
        String error = "Malformed JSON at line " + e.line() + ", column " + e.column() + where + ": " + e.getMessage();
        return answer(HttpStatus.BAD_REQUEST, new ErrorResponse(INVALID_EVENT, EVENT_INVALID, List.of(error)), new HttpHeaders());
    }

    /** PagerDuty refuses a routing key it does not know as an invalid event, naming the routing key. */
    @ExceptionHandler
    ResponseEntity<ErrorResponse> unknownKey(UnknownIntegrationKeyException e) {
        return answer(HttpStatus.BAD_REQUEST, new ErrorResponse(INVALID_EVENT, EVENT_INVALID, List.of("Invalid routing key")),
                new HttpHeaders());
    }

    @ExceptionHandler
    ResponseEntity<ErrorResponse> rateLimited(RateLimitedException e) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
        return answer(HttpStatus.TOO_MANY_REQUESTS, new ErrorResponse("throttle event", e.getMessage(), List.of()), headers);
    }

    @ExceptionHandler
    ResponseEntity<ErrorResponse> tooLarge(PayloadTooLargeException e) {
        return answer(HttpStatus.CONTENT_TOO_LARGE, new ErrorResponse(INVALID_EVENT, EVENT_INVALID, List.of(e.getMessage())),
                new HttpHeaders());
    }

    @ExceptionHandler
    ResponseEntity<ErrorResponse> brokerUnavailable(BrokerUnavailableException e) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, properties.retryAfter().toSeconds())));
        return answer(HttpStatus.SERVICE_UNAVAILABLE, new ErrorResponse("unavailable",
                "The event was not accepted; send it again later", List.of()), headers);
    }

    private static ResponseEntity<ErrorResponse> answer(HttpStatus status, ErrorResponse body, HttpHeaders headers) {
        return ResponseEntity.status(status).headers(headers).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    record ErrorResponse(String status, String message, List<String> errors) {
    }
}
