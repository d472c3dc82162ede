package io.oncallhq.console.services;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import java.util.Map;

/**
 * What a page that depends on a service wholly (an export, a page without parts of its own) shows when that service
 * is down or refuses: a clear message, never a stack trace. Pages with parts catch these themselves, per part.
 */
@ControllerAdvice
class ServiceProblems {

    @ExceptionHandler(ServiceDownException.class)
    ModelAndView down(ServiceDownException down) {
        return new ModelAndView("unavailable", Map.of("message", down.getMessage()), HttpStatus.SERVICE_UNAVAILABLE);
    }

    @ExceptionHandler(ServiceRefusedException.class)
    ModelAndView refused(ServiceRefusedException refused) {
        HttpStatus status = HttpStatus.resolve(refused.status());
        return new ModelAndView("unavailable", Map.of("message", refused.detail()),
                status == null ? HttpStatus.BAD_REQUEST : status);
    }
}
