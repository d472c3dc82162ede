package io.oncallhq.apisecurity;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class QueryTokenMaskingTest {

    private static HttpServletRequest passedOn(String query) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/schedules/primary/ical");
        request.setQueryString(query);
        request.addParameter("access_token", "feed-secret");
        MockFilterChain chain = new MockFilterChain();
        new QueryTokenMasking().doFilter(request, new MockHttpServletResponse(), chain);
        return (HttpServletRequest) chain.getRequest();
    }

    @Test
    void theTokenIsBlankedOutOfTheQueryStringButStaysReadableAsAParameter() throws Exception {
        HttpServletRequest request = passedOn("from=2026-03-01T00:00:00Z&access_token=feed-secret&to=x");

        assertThat(request.getQueryString()).isEqualTo("from=2026-03-01T00:00:00Z&access_token=****&to=x");
        assertThat(request.getParameter("access_token")).isEqualTo("feed-secret");
    }

    @Test
    void anEncodedParameterNameIsTheTokenToo() throws Exception {
        assertThat(passedOn("access%5Ftoken=feed-secret").getQueryString()).isEqualTo("access_token=****");
    }

    @Test
    void aQueryWithoutTheTokenIsLeftAsItIs() throws Exception {
        assertThat(passedOn("from=a&my_access_token=b&=&x").getQueryString()).isEqualTo("from=a&my_access_token=b&=&x");
    }
}
