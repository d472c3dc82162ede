package io.oncallhq.console.signin;

import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * After the provider's redirect back: the person is the ID token's {@code preferred_username} (else {@code sub}), as
 * the services name them, and the role is what the services say about the access token.
 */
class OidcSignIn implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService provider = new OidcUserService();
    private final RoleProbe roles;

    OidcSignIn(RoleProbe roles) {
        this.roles = roles;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = provider.loadUser(request);
        Role role = roles.roleOf(request.getAccessToken().getTokenValue());
        String name = user.getPreferredUsername() != null ? user.getPreferredUsername() : user.getSubject();
        return new OidcPerson(role.authorities(), user.getIdToken(), user.getUserInfo(), new Person(name, role));
    }
}
