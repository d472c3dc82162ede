package io.oncallhq.apisecurity;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatchers;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A service's access rules, one list in its config package: which operation is open (it has its own secret, such as
 * an integration key or Slack's signature) and which role every other one needs. Patterns are Spring path patterns
 * ({@code *} one segment, {@code **} any). Whatever no rule names is denied, so a new endpoint stays closed until
 * it is given a role.
 */
public final class ApiAccess {

    /** @param role null for an open rule */
    private record Rule(HttpMethod method, List<String> patterns, Role role, boolean queryToken) {
    }

    /** Open on every service: probes, the OpenAPI document and Swagger UI. */
    private static final List<String> ALWAYS_OPEN =
            List.of("/actuator/health/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html");

    /** Who the token belongs to ({@link CallerController}): any role may ask. */
    private static final String CALLER = "/me";

    private final List<Rule> rules = new ArrayList<>();

    private ApiAccess() {
    }

    public static ApiAccess rules() {
        return new ApiAccess();
    }

    /** No bearer token needed: the endpoint authenticates its callers by other means. */
    public ApiAccess open(HttpMethod method, String... patterns) {
        rules.add(new Rule(method, List.of(patterns), null, false));
        return this;
    }

    public ApiAccess viewer(HttpMethod method, String... patterns) {
        return role(Role.VIEWER, method, patterns);
    }

    public ApiAccess responder(HttpMethod method, String... patterns) {
        return role(Role.RESPONDER, method, patterns);
    }

    public ApiAccess admin(HttpMethod method, String... patterns) {
        return role(Role.ADMIN, method, patterns);
    }

    /**
     * Viewer reads whose callers cannot send an {@code Authorization} header: calendar apps subscribing to a feed
     * URL. Here the token may also come as the query parameter {@code access_token} (RFC 6750 §2.3), on GET only;
     * everywhere else such a parameter is ignored.
     */
    public ApiAccess viewerWithQueryToken(String... patterns) {
        rules.add(new Rule(HttpMethod.GET, List.of(patterns), Role.VIEWER, true));
        return this;
    }

    private ApiAccess role(Role role, HttpMethod method, String... patterns) {
        rules.add(new Rule(method, List.of(patterns), role, false));
        return this;
    }

    /**
     * Reads the bearer token from the {@code Authorization} header, or the query where a rule allows it; none on open
     * endpoints: there a stray {@code Authorization} header (a sender configured with credentials for something else)
     * must not turn into a 401.
     */
    BearerTokenResolver bearerTokenResolver() {
        DefaultBearerTokenResolver headerOnly = new DefaultBearerTokenResolver();
        DefaultBearerTokenResolver headerOrQuery = new DefaultBearerTokenResolver();
        headerOrQuery.setAllowUriQueryParameter(true);
        RequestMatcher open = openRoutes();
        RequestMatcher queryToken = requestsOf(Rule::queryToken);
        return request -> {
            if (open.matches(request)) {
                return null;
            }
            return (queryToken.matches(request) ? headerOrQuery : headerOnly).resolve(request);
        };
    }

    /** The requests of the open rules, by method and pattern; none at all when no rule is open. */
    RequestMatcher openRoutes() {
        return requestsOf(rule -> rule.role() == null);
    }

    private RequestMatcher requestsOf(Predicate<Rule> which) {
        return RequestMatchers.anyOf(rules.stream().filter(which)
                .flatMap(rule -> rule.patterns().stream().map(pattern -> matcher(rule.method(), pattern)))
                .toArray(RequestMatcher[]::new));
    }

    private static RequestMatcher matcher(HttpMethod method, String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
    }

    /** First match wins, as in Spring Security; the list ends in deny. */
    void applyTo(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry registry) {
        registry.requestMatchers(HttpMethod.GET, ALWAYS_OPEN.toArray(String[]::new)).permitAll();
        registry.requestMatchers(HttpMethod.GET, CALLER).hasAuthority(Role.VIEWER.authority());
        for (Rule rule : rules) {
            var matched = registry.requestMatchers(rule.method(), rule.patterns().toArray(String[]::new));
            if (rule.role() == null) {
                matched.permitAll();
            } else {
                matched.hasAuthority(rule.role().authority());
            }
        }
        registry.anyRequest().denyAll();
    }
}
