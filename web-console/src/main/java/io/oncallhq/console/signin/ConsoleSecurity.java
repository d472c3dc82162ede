package io.oncallhq.console.signin;

import io.oncallhq.console.config.ConsoleProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import static org.springframework.http.HttpMethod.POST;

/**
 * Sessions, sign-in and what each role may ask the console for. The services check every call again with the
 * person's token; these rules keep a viewer's forged form post from reaching them at all.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurity {

    /** No inline script or style anywhere, so injected markup cannot run; htmx and the pages' own script are files. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    static final String OIDC_REGISTRATION = "oidc";

    @Bean
    SecurityFilterChain console(HttpSecurity http, CallerLookup callers,
                                ObjectProvider<ClientRegistrationRepository> oidcProvider) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/sign-in", "/css/**", "/js/**", "/webjars/**", "/favicon.ico",
                                "/actuator/health/**", "/error", "/error/**").permitAll()
                        .requestMatchers("/integrations", "/integrations/**").hasRole(Role.ADMIN.name())
                        .requestMatchers(POST, "/incidents/**", "/postmortems/**").hasRole(Role.RESPONDER.name())
                        .anyRequest().hasRole(Role.VIEWER.name()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()))
                .logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessUrl("/sign-in?signed-out")
                        .deleteCookies("JSESSIONID"))
                .exceptionHandling(errors -> errors.accessDeniedPage("/error/forbidden"));
        ClientRegistrationRepository oidc = oidcProvider.getIfAvailable();
        if (oidc == null) {
            http.authenticationProvider(new TokenSignIn(callers))
                    .formLogin(form -> form.loginPage("/sign-in").usernameParameter("name")
                            .passwordParameter("token").defaultSuccessUrl("/incidents", true));
        } else {
            DefaultOAuth2AuthorizationRequestResolver withPkce =
                    new DefaultOAuth2AuthorizationRequestResolver(oidc, "/oauth2/authorization");
            withPkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
            http.oauth2Login(login -> login.loginPage("/sign-in").defaultSuccessUrl("/incidents", true)
                    .authorizationEndpoint(authorization -> authorization.authorizationRequestResolver(withPkce))
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(new OidcSignIn(callers))));
        }
        return http.build();
    }

    /** Only with {@code OIDC_ISSUER_URI}: the provider's endpoints from its discovery document. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("'${console.oidc.issuer-uri:}' != ''")
    static class OidcProvider {

        @Bean
        ClientRegistrationRepository oidcRegistrations(ConsoleProperties properties) {
            ConsoleProperties.Oidc oidc = properties.oidc();
            ClientRegistration.Builder registration = ClientRegistrations.fromIssuerLocation(oidc.issuerUri())
                    .registrationId(OIDC_REGISTRATION)
                    .clientId(oidc.clientId())
                    .scope("openid", "profile")
                    .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}");
            if (oidc.clientSecret() == null || oidc.clientSecret().isBlank()) {
                registration.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
            } else {
                registration.clientSecret(oidc.clientSecret());
            }
            return new InMemoryClientRegistrationRepository(registration.build());
        }

        /** The access tokens stay in this process, keyed by the person; the browser holds only the session cookie. */
        @Bean
        OAuth2AuthorizedClientService oidcAccessTokens(ClientRegistrationRepository registrations) {
            return new InMemoryOAuth2AuthorizedClientService(registrations);
        }
    }
}
