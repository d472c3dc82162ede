package io.oncallhq.apisecurity;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.io.IOException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestBodyLimitTest {

    private final RequestBodyLimit limit = new RequestBodyLimit(10);

    @Test
    void aDeclaredBodyOverTheLimitIsRefusedWith413BeforeAnyoneReadsIt() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/incidents");
        request.setContent(new byte[11]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        limit.doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("larger than 10 bytes");
        assertThat(chain.getRequest()).as("the endpoint never saw the request").isNull();
    }

    @Test
    void aBodyWithinTheLimitPassesUntouched() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/incidents");
        request.setContent("{\"a\":1}".getBytes());
        MockFilterChain chain = new MockFilterChain();

        limit.doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest().getInputStream().readAllBytes()).isEqualTo("{\"a\":1}".getBytes());
    }

    @Test
    void aStreamedBodyIsCutOffWhereItPassesTheLimit() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/incidents") {
            @Override
            public long getContentLengthLong() {
                return -1; // chunked: no declared length
            }
        };
        request.setContent(new byte[25]);
        MockFilterChain chain = new MockFilterChain();

        limit.doFilter(request, new MockHttpServletResponse(), chain);

        InputStream body = ((HttpServletRequest) chain.getRequest()).getInputStream();
        assertThatThrownBy(body::readAllBytes).isInstanceOf(IOException.class).hasMessageContaining("larger than 10 bytes");
    }
}
