package io.oncallhq.console.signin;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.stereotype.Component;

/** The person signed in to the current request, and the bearer token the services get on their behalf. */
@Component
public class SignedInPeople {

    private final ObjectProvider<OAuth2AuthorizedClientService> oidcClients;

    SignedInPeople(ObjectProvider<OAuth2AuthorizedClientService> oidcClients) {
        this.oidcClients = oidcClients;
    }

    /** Null when nobody is signed in. */
    public Person current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return null;
        }
        return switch (authentication.getPrincipal()) {
            case TokenHolder holder -> holder.person();
            case OidcPerson oidc -> oidc.person();
            case null, default -> null;
        };
    }

    /** The token as typed at sign-in, or the OIDC access token: whatever the services were shown at sign-in. */
    public String currentBearerToken() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof TokenHolder holder) {
            return holder.token();
        }
        if (authentication instanceof OAuth2AuthenticationToken oidc) {
            OAuth2AuthorizedClient client = oidcClients.getObject()
                    .loadAuthorizedClient(oidc.getAuthorizedClientRegistrationId(), oidc.getName());
            if (client != null) {
                return client.getAccessToken().getTokenValue();
            }
        }
        throw new IllegalStateException("Nobody is signed in to this request");
    }
}
