package io.oncallhq.apisecurity;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.SecurityFilterChain;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.DispatcherType;

/**
 * Bearer tokens for every REST endpoint the service's {@link ApiAccess} does not open: static API tokens first, then
 * JWTs when an issuer is configured (Spring Boot then provides the {@link JwtDecoder}). Stateless: no session, no
 * cookie, so no CSRF token either; browsers on other origins are refused unless {@link CorsPolicy} lets them in.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration"})
@EnableConfigurationProperties(ApiSecurityProperties.class)
public class ApiSecurityAutoConfiguration {

    @Bean
    ServiceToken serviceToken(ApiSecurityProperties properties) {
        return new ServiceToken(properties.serviceApiToken());
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(ApiSecurityProperties properties) {
        FilterRegistrationBean<RequestBodyLimit> registration =
                new FilterRegistrationBean<>(new RequestBodyLimit(properties.maxRequestBody().toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10); // before anything that could read a body
        return registration;
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    FilterRegistrationBean<QueryTokenMasking> queryTokenMasking() {
        FilterRegistrationBean<QueryTokenMasking> registration = new FilterRegistrationBean<>(new QueryTokenMasking());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10); // before anything that logs the request line
        return registration;
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    CallerController callerController() {
        return new CallerController();
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    ActorFieldRefusal actorFieldRefusal() {
        return new ActorFieldRefusal();
    }

    /**
     * The open routes check their own secret, so all their callers see of Spring Security is the response headers
     * and CORS: this chain keeps those and spares them the bearer-token chain below, whose other filters would work
     * for nothing. No authorization filter either: every request this chain matches is one the rules permit. An
     * open route's error page is an ERROR dispatch to the error path, which the bearer-token chain lets through.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    SecurityFilterChain openRouteSecurity(HttpSecurity http, ApiAccess access, ApiSecurityProperties properties)
            throws Exception {
        return http
                .securityMatcher(access.openRoutes())
                .cors(CorsPolicy.allowing(properties.corsAllowedOrigins()))
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(AbstractHttpConfigurer::disable)
                .securityContext(AbstractHttpConfigurer::disable)
                .anonymous(AbstractHttpConfigurer::disable)
                .servletApi(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .exceptionHandling(AbstractHttpConfigurer::disable)
                .build();
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiAccess access, ApiSecurityProperties properties,
                                    ObjectProvider<JwtDecoder> jwtDecoder) throws Exception {
        AuthenticationManager bearerTokens = bearerTokens(properties, jwtDecoder.getIfAvailable());
        SecurityProblems problems = new SecurityProblems();
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .cors(CorsPolicy.allowing(properties.corsAllowedOrigins()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(registry -> {
                    // An error page for a request that already passed (or was refused) is not a new request.
                    registry.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
                    access.applyTo(registry);
                })
                .oauth2ResourceServer(server -> server.authenticationManagerResolver(request -> bearerTokens)
                        .bearerTokenResolver(access.bearerTokenResolver())
                        .authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .build();
    }

    static AuthenticationManager bearerTokens(ApiSecurityProperties properties, JwtDecoder jwtDecoder) {
        List<AuthenticationProvider> providers = new ArrayList<>();
        providers.add(new StaticTokenAuthentication(StaticApiTokens.from(properties)));
        if (jwtDecoder != null) {
            JwtAuthenticationProvider jwt = new JwtAuthenticationProvider(jwtDecoder);
            jwt.setJwtAuthenticationConverter(new JwtCallers(properties.roleClaim()));
            providers.add(jwt);
        }
        return new ProviderManager(providers);
    }
}
