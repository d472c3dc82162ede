package io.oncallhq.console.signin;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * The sign-in form: an API token (the form's password field) and the name post-mortems should record (its user
 * field, optional). The services decide the role; the token stays in the server-side session's principal.
 */
class TokenSignIn implements AuthenticationProvider {

    private final RoleProbe roles;

    TokenSignIn(RoleProbe roles) {
        this.roles = roles;
    }

    @Override
    public Authentication authenticate(Authentication form) {
        String token = form.getCredentials() == null ? "" : form.getCredentials().toString().strip();
        if (token.isEmpty()) {
            throw new BadCredentialsException("Enter an API token.");
        }
        Role role = roles.roleOf(token);
        String name = form.getName() == null || form.getName().isBlank() ? "api-token" : form.getName().strip();
        TokenHolder holder = new TokenHolder(new Person(name, role), token);
        return UsernamePasswordAuthenticationToken.authenticated(holder, null, role.authorities());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
