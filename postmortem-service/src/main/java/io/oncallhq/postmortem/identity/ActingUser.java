package io.oncallhq.postmortem.identity;

import io.oncallhq.apisecurity.ApiCaller;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The one place that answers "who is acting" for a request. A JWT names one person: that person acts, whatever the
 * body's {@code by} says (the IdP's {@code preferred_username} must then be the responder id). A static API token is
 * shared (a script, the local run's admin) and acts for the responder its {@code by} names, else under its own name.
 */
@Component
public class ActingUser {

    /** @param claimedBy the {@code by} the request body named */
    public String of(String claimedBy) {
        Optional<ApiCaller> caller = ApiCaller.current();
        if (caller.isPresent() && (caller.get().person() || claimedBy == null || claimedBy.isBlank())) {
            return caller.get().name();
        }
        return claimedBy;
    }
}
