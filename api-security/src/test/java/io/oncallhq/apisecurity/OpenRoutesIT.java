package io.oncallhq.apisecurity;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.context.request.async.WebAsyncManagerIntegrationFilter;
import org.springframework.security.web.header.HeaderWriterFilter;

import jakarta.servlet.Filter;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An open route (TinyApi's webhook) reads no bearer token and passes none of the bearer-token chain's filters, yet
 * its callers get the same security headers as any other; the same path with another method stays protected.
 */
class OpenRoutesIT extends RunningTinyApi {

    /** What Spring Security's header writer adds to every answer served over plain HTTP. */
    private static final List<String> SECURITY_HEADERS = List.of("X-Content-Type-Options", "X-Frame-Options",
            "X-XSS-Protection", "Cache-Control", "Pragma", "Expires");

    @Autowired
    FilterChainProxy filterChainProxy;

    private static Map<String, List<String>> securityHeaders(HttpResponse<?> answer) {
        return SECURITY_HEADERS.stream()
                .collect(Collectors.toMap(Function.identity(), name -> answer.headers().allValues(name)));
    }

    private List<Filter> filtersServing(String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        return filterChainProxy.getFilterChains().stream().filter(chain -> chain.matches(request)).findFirst()
                .orElseThrow().getFilters();
    }

    @Test
    void anOpenRouteAnswersWithoutATokenAndDespiteAStrayInvalidOne() throws Exception {
        assertThat(callHook().statusCode()).isEqualTo(200);

        HttpResponse<String> withStrayToken = callHook("Authorization", "Bearer meant-for-something-else");
        assertThat(withStrayToken.statusCode()).isEqualTo(200);
        assertThat(withStrayToken.body()).isEqualTo("received firing");
    }

    @Test
    void anOpenRoutesAnswerCarriesTheSameSecurityHeadersAsAProtectedOne() throws Exception {
        Map<String, List<String>> protectedRead =
                securityHeaders(send("GET", "/readings", "Authorization", "Bearer " + TestTokens.VIEWER));

        assertThat(protectedRead).allSatisfy((name, values) -> assertThat(values).as(name).isNotEmpty());
        assertThat(securityHeaders(callHook())).isEqualTo(protectedRead);
    }

    @Test
    void anOpenRoutesErrorPageKeepsItsStatusWithOrWithoutAStrayToken() throws Exception {
        HttpResponse<String> withoutState = send("POST", HOOK);
        HttpResponse<String> withAStrayToken = send("POST", HOOK, "Authorization", "Bearer not-a-token");

        for (HttpResponse<String> answer : List.of(withoutState, withAStrayToken)) {
            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(answer.body()).contains("\"status\":400", "\"path\":\"" + HOOK + "\"");
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        }
    }

    @Test
    void theSamePathWithAnotherMethodStillNeedsItsRole() throws Exception {
        HttpResponse<String> withoutToken = send("DELETE", HOOK);
        assertThat(withoutToken.statusCode()).isEqualTo(401);
        assertThat(withoutToken.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer"));

        assertThat(send("DELETE", HOOK, "Authorization", "Bearer " + TestTokens.RESPONDER).statusCode())
                .isEqualTo(403);
        assertThat(send("DELETE", HOOK, "Authorization", "Bearer " + TestTokens.ADMIN).statusCode())
                .isEqualTo(204);
    }

    @Test
    void anOpenRouteIsServedByAChainOfItsOwnThatOnlyWritesHeaders() {
        // The async integration filter comes with every HttpSecurity; it only hands a security context on, and
        // this chain makes none.
        assertThat(filtersServing("POST", HOOK)).extracting(Object::getClass)
                .containsExactly(WebAsyncManagerIntegrationFilter.class, HeaderWriterFilter.class);
        assertThat(filtersServing("DELETE", HOOK)).hasAtLeastOneElementOfType(BearerTokenAuthenticationFilter.class);
    }
}
