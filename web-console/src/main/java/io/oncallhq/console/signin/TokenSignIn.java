package io.oncallhq.console.signin;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * The sign-in form: an API token (the form's password field). The services say whom it belongs to and its role; the
 * token stays in the server-side session's principal.
 */
class TokenSignIn implements AuthenticationProvider {

    private final CallerLookup callers;

    TokenSignIn(CallerLookup callers) {
        this.callers = callers;
    }

    @Override
    public Authentication authenticate(Authentication form) {
        String token = form.getCredentials() == null ? "" : form.getCredentials().toString().strip();
        if (token.isEmpty()) {
            throw new BadCredentialsException("Enter an API token.");
        }
        Person person = callers.personOf(token);
        TokenHolder holder = new TokenHolder(person, token);
        return UsernamePasswordAuthenticationToken.authenticated(holder, null, person.role().authorities());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
