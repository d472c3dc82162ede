package io.oncallhq.incident.config;

import io.oncallhq.apisecurity.ApiProblems;
import io.oncallhq.incident.lifecycle.IllegalTransitionException;
import io.oncallhq.incident.lifecycle.IncidentNotFoundException;
import io.oncallhq.incident.directory.ServiceNotFoundException;
import io.oncallhq.incident.schedule.ScheduleNotFoundException;
import io.oncallhq.incident.silence.SilenceNotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;

/** incident-service's own failures on top of the ones every service answers alike ({@link ApiProblems}). */
@RestControllerAdvice
class ProblemResponses extends ApiProblems {

    @ExceptionHandler({IncidentNotFoundException.class, ServiceNotFoundException.class,
            ScheduleNotFoundException.class, SilenceNotFoundException.class})
    ResponseEntity<Object> unknownId(RuntimeException e, WebRequest request) {
        return notFound(e, request);
    }

    @ExceptionHandler
    ResponseEntity<Object> illegalTransition(IllegalTransitionException e, WebRequest request) {
        return conflict(e, e.getMessage(), request);
    }

    @ExceptionHandler
    ResponseEntity<Object> invalid(InvalidRequestException e, WebRequest request) {
        return invalidFields(e, e.getMessage(), e.problems().stream()
                .map(problem -> new FieldProblem(problem.field(), problem.message())).toList(), request);
    }
}
