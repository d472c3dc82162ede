package io.oncallhq.notification.config;

import io.oncallhq.apisecurity.ApiProblems;
import io.oncallhq.notification.slack.CommandNotPublishedException;
import io.oncallhq.notification.slack.InvalidSlackSignatureException;
import io.oncallhq.notification.slack.MalformedInteractionException;
import io.oncallhq.notification.slack.SlackNotConfiguredException;
import io.oncallhq.notification.slack.SlackRequestTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;

/**
 * notification-service's own failures on top of the ones every service answers alike ({@link ApiProblems}), also the
 * refusals of {@code SlackRequestVerification}, a filter, which hands them here through Spring MVC's exception
 * resolvers.
 */
@RestControllerAdvice
class ProblemResponses extends ApiProblems {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    @ExceptionHandler
    ResponseEntity<Object> invalidSignature(InvalidSlackSignatureException e, WebRequest request) {
        log.warn("Refused a Slack request: {}", e.getMessage());
        return problem(e, HttpStatus.UNAUTHORIZED, "Invalid Slack signature", e.getMessage(), request);
    }

    @ExceptionHandler
    ResponseEntity<Object> notConfigured(SlackNotConfiguredException e, WebRequest request) {
        return problem(e, HttpStatus.SERVICE_UNAVAILABLE, "Slack is not configured", e.getMessage(), request);
    }

    @ExceptionHandler
    ResponseEntity<Object> tooLarge(SlackRequestTooLargeException e, WebRequest request) {
        return problem(e, HttpStatus.CONTENT_TOO_LARGE, "Request body too large", e.getMessage(), request);
    }

    @ExceptionHandler
    ResponseEntity<Object> malformed(MalformedInteractionException e, WebRequest request) {
        return problem(e, HttpStatus.BAD_REQUEST, "Malformed Slack interaction", e.getMessage(), request);
    }

    @ExceptionHandler
    ResponseEntity<Object> notPublished(CommandNotPublishedException e, WebRequest request) {
        log.warn("A Slack action was not passed on: {}", e.getMessage());
        return problem(e, HttpStatus.SERVICE_UNAVAILABLE, "Command not accepted",
                "The message broker did not take the command; nothing happened, press the button again", request);
    }

    private ResponseEntity<Object> problem(Exception e, HttpStatus status, String title, String detail, WebRequest request) {
        return problem(e, status, title, detail, new HttpHeaders(), request);
    }
}
