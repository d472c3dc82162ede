package io.oncallhq.apisecurity;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/** Authenticates a bearer token against the static API tokens; the caller acts as the token's owner. */
final class StaticTokenAuthentication implements AuthenticationProvider {

    private final StaticApiTokens tokens;

    StaticTokenAuthentication(StaticApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String token = ((BearerTokenAuthenticationToken) authentication).getToken();
        return tokens.match(token).map(Authenticated::new)
                // Never the token itself in the message: it may end in a log or a problem body.
                .orElseThrow(() -> new InvalidBearerTokenException("The bearer token is not known"));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** An authenticated static-token caller: its name is the principal, no credentials are kept. */
    static final class Authenticated extends AbstractAuthenticationToken {
        private final StaticApiTokens.Caller caller;

        Authenticated(StaticApiTokens.Caller caller) {
            super(caller.role().grantedAuthorities());
            this.caller = caller;
            setAuthenticated(true);
        }

        String responderId() {
            return caller.responderId();
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return caller.name();
        }
    }
}
