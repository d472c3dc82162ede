package io.oncallhq.postmortem.identity;

import org.springframework.stereotype.Component;

/**
 * The one place that answers "who is acting" for a request. Today that is the request's own {@code by} field,
 * taken on trust; when the service authenticates bearer tokens, this class reads the token's subject instead
 * and every caller stays as it is.
 */
@Component
public class ActingUser {

    /** @param claimedBy the {@code by} the request body named */
    public String of(String claimedBy) {
        return claimedBy;
    }
}
