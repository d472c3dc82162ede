package io.oncallhq.console.signin;

import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * After the provider's redirect back: who the person is and their role are what the services say about the access
 * token (its {@code preferred_username}, else {@code sub}).
 */
class OidcSignIn implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService provider = new OidcUserService();
    private final CallerLookup callers;

    OidcSignIn(CallerLookup callers) {
        this.callers = callers;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = provider.loadUser(request);
        Person person = callers.personOf(request.getAccessToken().getTokenValue());
        return new OidcPerson(person.role().authorities(), user.getIdToken(), user.getUserInfo(), person);
    }
}
