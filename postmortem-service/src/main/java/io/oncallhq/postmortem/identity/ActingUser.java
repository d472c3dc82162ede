package io.oncallhq.postmortem.identity;

import io.oncallhq.apisecurity.ApiCaller;
import org.springframework.stereotype.Component;

/**
 * The one place that answers "who is acting" for a request: the bearer token's owner, never the body. A JWT's user
 * and a static token with a {@code responderId} act as that responder (an IdP's {@code preferred_username} must then
 * be the responder id); a static token without one belongs to a system (a script, the local run's admin) and acts
 * under its name, which is no responder, so it is never a reviewer or a team member.
 */
@Component
public class ActingUser {

    public String current() {
        return ApiCaller.current().map(ApiCaller::actingId)
                .orElseThrow(() -> new IllegalStateException("every post-mortem write needs a bearer token"));
    }
}
