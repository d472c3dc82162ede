package io.oncallhq.console.signin;

import io.oncallhq.console.services.Service;
import io.oncallhq.console.services.ServiceCalls;
import io.oncallhq.console.services.ServiceDownException;
import io.oncallhq.console.services.ServiceRefusedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * Who a token belongs to and its role, as incident-service's {@code GET /me} answers them, so the console never
 * decides either on its own.
 */
@Component
class CallerLookup {

    /** incident-service's answer: {@code responderId} is null for a system's token. */
    record Caller(String name, String responderId, String role) {
    }

    private final ServiceCalls services;

    CallerLookup(ServiceCalls services) {
        this.services = services;
    }

    Person personOf(String token) {
        Caller caller;
        try {
            caller = services.to(Service.INCIDENTS, token).get(Caller.class, "/me");
        } catch (ServiceRefusedException refused) {
            if (refused.status() == 401) {
                throw new BadCredentialsException("The services do not accept this token.");
            }
            throw new DisabledException("This token has no role (viewer, responder or admin) in the services.");
        } catch (ServiceDownException down) {
            throw new AuthenticationServiceException(
                    "incident-service is not answering, and signing in asks it who you are. Try again in a moment.");
        }
        return new Person(caller.name(), Role.valueOf(caller.role().toUpperCase(Locale.ROOT)));
    }
}
