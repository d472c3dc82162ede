package io.oncallhq.console.signin;

import io.oncallhq.console.services.Service;
import io.oncallhq.console.services.ServiceApi;
import io.oncallhq.console.services.ServiceCalls;
import io.oncallhq.console.services.ServiceDownException;
import io.oncallhq.console.services.ServiceRefusedException;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * Learns a token's role from what incident-service answers to it, so the console never decides a role of its own:
 * a read (viewer), an action on an incident that does not exist (a responder gets 404, a viewer 403) and ending a
 * silence that does not exist (an admin gets 404). Neither probe changes anything.
 */
@Component
class RoleProbe {

    static final String NO_SUCH_ID = "console-role-probe";

    private final ServiceCalls services;

    RoleProbe(ServiceCalls services) {
        this.services = services;
    }

    Role roleOf(String token) {
        ServiceApi incidents = services.to(Service.INCIDENTS, token);
        try {
            incidents.get(new ParameterizedTypeReference<List<Map<String, Object>>>() {}, "/incidents?limit=1");
        } catch (ServiceRefusedException refused) {
            if (refused.status() == 401) {
                throw new BadCredentialsException("The services do not accept this token.");
            }
            throw new DisabledException("This token has no role (viewer, responder or admin) in the services.");
        } catch (ServiceDownException down) {
            throw new AuthenticationServiceException(
                    "incident-service is not answering, and signing in asks it for your role. Try again in a moment.");
        }
        if (!allowed(() -> incidents.post("/incidents/{id}/acknowledge", null, NO_SUCH_ID))) {
            return Role.VIEWER;
        }
        return allowed(() -> incidents.delete("/silences/{id}", NO_SUCH_ID)) ? Role.ADMIN : Role.RESPONDER;
    }

    /**
     * Whether the call got past the role check: anything but 401 and 403. A service that fails right then grants
     * nothing more: the person gets the lower role and can sign in again.
     */
    private static boolean allowed(Runnable call) {
        try {
            call.run();
            return true;
        } catch (ServiceRefusedException refused) {
            return refused.status() != 401 && refused.status() != 403;
        } catch (ServiceDownException down) {
            return false;
        }
    }
}
