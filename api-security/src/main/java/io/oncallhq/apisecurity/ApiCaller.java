package io.oncallhq.apisecurity;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Optional;

/**
 * Who calls the current request, as its credential says; a request body never changes it.
 *
 * @param name        a static token's name, or a JWT's {@code preferred_username} (else {@code sub})
 * @param responderId the on-call responder the caller is: a static token's configured {@code responderId}, or a JWT's
 *                    name (an OIDC user's {@code preferred_username} is their responder id); null for a static token
 *                    that belongs to a system (a script, a dashboard, another service, the local run's admin)
 */
public record ApiCaller(String name, String responderId) {

    public static Optional<ApiCaller> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken jwt) {
            return Optional.of(new ApiCaller(jwt.getName(), jwt.getName()));
        }
        if (authentication instanceof StaticTokenAuthentication.Authenticated token) {
            return Optional.of(new ApiCaller(token.getName(), token.responderId()));
        }
        return Optional.empty();
    }

    public boolean isResponder() {
        return responderId != null;
    }

    /** The id the caller acts under: its responder id, else (a system) its name. */
    public String actingId() {
        return isResponder() ? responderId : name;
    }
}
