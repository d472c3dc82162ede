package io.oncallhq.apisecurity;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.util.matcher.RequestMatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

class ApiAccessTest {

    private static boolean matches(RequestMatcher routes, String method, String path) {
        return routes.matches(new MockHttpServletRequest(method, path));
    }

    @Test
    void theOpenRoutesAreTheOpenRulesByMethodAndPattern() {
        RequestMatcher open = ApiAccess.rules().open(POST, "/hooks/*", "/v2/enqueue").admin(DELETE, "/hooks/*")
                .openRoutes();

        assertThat(matches(open, "POST", "/hooks/k")).isTrue();
        assertThat(matches(open, "POST", "/v2/enqueue")).isTrue();
        assertThat(matches(open, "DELETE", "/hooks/k")).isFalse();
        assertThat(matches(open, "POST", "/hooks/k/keys")).isFalse();
    }

    @Test
    void withoutAnOpenRuleNoRequestIsAnOpenRoute() {
        RequestMatcher open = ApiAccess.rules().viewer(GET, "/**").openRoutes();

        assertThat(matches(open, "GET", "/readings")).isFalse();
        assertThat(matches(open, "GET", "/v3/api-docs")).isFalse();
    }
}
