package io.oncallhq.apisecurity;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Optional;

/**
 * Who calls the current request: a static token's name, or a JWT's {@code preferred_username} (else {@code sub}).
 * {@code person} tells the two apart: a JWT names one person, a static token is shared by whatever holds it (a
 * script, a dashboard, another service, the local run's admin).
 */
public record ApiCaller(String name, boolean person) {

    public static Optional<ApiCaller> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken jwt) {
            return Optional.of(new ApiCaller(jwt.getName(), true));
        }
        if (authentication instanceof StaticTokenAuthentication.Authenticated token) {
            return Optional.of(new ApiCaller(token.getName(), false));
        }
        return Optional.empty();
    }
}
