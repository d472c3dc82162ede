package io.oncallhq.console.signin;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

import java.io.Serial;
import java.util.Collection;

/** A person signed in through the OIDC provider, with the role the services granted their access token. */
final class OidcPerson extends DefaultOidcUser {

    @Serial
    private static final long serialVersionUID = 1L;

    private final Person person;

    OidcPerson(Collection<? extends GrantedAuthority> authorities, OidcIdToken idToken, OidcUserInfo userInfo,
               Person person) {
        super(authorities, idToken, userInfo);
        this.person = person;
    }

    Person person() {
        return person;
    }
}
