package io.oncallhq.notification.slack;

import com.slack.api.app_backend.SlackSignature;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SlackRequestVerificationTest {

    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final Instant NOW = Instant.parse("2026-11-22T10:15:00Z");
    private static final int LIMIT = 80;
    private static final String PRESS = "payload=%7B%22text%22%3A%22%2AService%3A%2A+Jos%C3%A9%27s%22%7D";

    private final List<Exception> answeredAsProblems = new ArrayList<>();
    private final HandlerExceptionResolver exceptionHandlers = (request, response, handler, refused) -> {
        answeredAsProblems.add(refused);
        return new ModelAndView();
    };
    private final MockFilterChain chain = new MockFilterChain();

    @Test
    void aSignedBodyGoesOnAsTheExactBytesReceived() throws Exception {
        MockHttpServletRequest request = signed(PRESS);

        filter(Clock.fixed(NOW, ZoneOffset.UTC)).doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(answeredAsProblems).isEmpty();
        assertThat(chain.getRequest()).isSameAs(request);
        assertThat(request.getAttribute(SlackRequestVerification.VERIFIED_BODY))
                .isEqualTo(PRESS.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aBodyOfExactlyTheLimitIsVerified() throws Exception {
        String body = PRESS + "&x=" + "y".repeat(LIMIT - PRESS.length() - 3);

        filter(Clock.fixed(NOW, ZoneOffset.UTC)).doFilter(signed(body), new MockHttpServletResponse(), chain);

        assertThat(body).hasSize(LIMIT);
        assertThat(answeredAsProblems).isEmpty();
        assertThat(chain.getRequest()).isNotNull();
    }

    @Test
    void aBodyWithOneByteChangedIsAnsweredAsAnInvalidSignatureAndGoesNoFurther() throws Exception {
        MockHttpServletRequest request = signed(PRESS);
        request.setContent(PRESS.replace("%2A", "%2a").getBytes(StandardCharsets.US_ASCII));

        filter(Clock.fixed(NOW, ZoneOffset.UTC)).doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(answeredAsProblems).singleElement().isInstanceOf(InvalidSlackSignatureException.class);
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void withoutASigningSecretEveryRequestIsAnsweredAsNotConfigured() throws Exception {
        SlackRequestVerification filter = new SlackRequestVerification(
                new SlackSignatureVerifier(List.of(), Clock.fixed(NOW, ZoneOffset.UTC)), LIMIT, exceptionHandlers);

        filter.doFilter(signed(PRESS), new MockHttpServletResponse(), chain);

        assertThat(answeredAsProblems).singleElement().isInstanceOf(SlackNotConfiguredException.class);
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void aStreamedBodyOverTheLimitIsRefusedAfterOneByteMoreAndNeverHashed() throws Exception {
        String body = "y".repeat(10 * LIMIT);
        CountingBody counted = new CountingBody(body);
        HttpServletRequestWrapper chunked = new HttpServletRequestWrapper(signed(body)) {
            @Override
            public long getContentLengthLong() {
                return -1;
            }

            @Override
            public ServletInputStream getInputStream() {
                return counted;
            }
        };

        filter(clockThatFailsWhenTheBodyIsVerified()).doFilter(chunked, new MockHttpServletResponse(), chain);

        assertThat(answeredAsProblems).singleElement().isInstanceOf(SlackRequestTooLargeException.class);
        assertThat(counted.read).isEqualTo(LIMIT + 1);
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedWithoutReadingTheBody() throws Exception {
        MockHttpServletRequest request = signed("z" + "y".repeat(LIMIT));

        filter(clockThatFailsWhenTheBodyIsVerified()).doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(answeredAsProblems).singleElement().isInstanceOf(SlackRequestTooLargeException.class);
        assertThat(request.getInputStream().read()).as("the body's first byte").isEqualTo('z');
        assertThat(chain.getRequest()).isNull();
    }

    private SlackRequestVerification filter(Clock clock) {
        return new SlackRequestVerification(new SlackSignatureVerifier(List.of(SECRET), clock), LIMIT,
                exceptionHandlers);
    }

    private static MockHttpServletRequest signed(String body) {
        String timestamp = String.valueOf(NOW.getEpochSecond());
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/slack/interactions");
        request.setContentType("application/x-www-form-urlencoded");
        request.setContent(body.getBytes(StandardCharsets.US_ASCII));
        request.addHeader(SlackSignatureVerifier.TIMESTAMP_HEADER, timestamp);
        request.addHeader(SlackSignatureVerifier.SIGNATURE_HEADER,
                new SlackSignature.Generator(SECRET).generate(timestamp, body));
        return request;
    }

    /** The verifier asks the clock before it hashes the body. */
    private static Clock clockThatFailsWhenTheBodyIsVerified() {
        return new Clock() {
            @Override
            public Instant instant() {
                throw new AssertionError("the body was verified");
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }
        };
    }

    private static final class CountingBody extends ServletInputStream {

        private final ByteArrayInputStream bytes;
        int read;

        CountingBody(String body) {
            this.bytes = new ByteArrayInputStream(body.getBytes(StandardCharsets.US_ASCII));
        }

        @Override
        public int read() {
            int b = bytes.read();
            read += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            int n = bytes.read(buffer, offset, length);
            read += Math.max(n, 0);
            return n;
        }

        @Override
        public boolean isFinished() {
            return bytes.available() == 0;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException();
        }
    }
}
