package io.oncallhq.apisecurity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A token in {@code ?access_token=} counts only where a rule declares it (the feed), on GET; and it never shows in a
 * log line, even with the request lines of Spring Security and Spring MVC logged at debug level.
 */
@TestPropertySource(properties = {
        "logging.level.org.springframework.security.web.FilterChainProxy=DEBUG",
        "logging.level.org.springframework.web.servlet.DispatcherServlet=DEBUG"})
@ExtendWith(OutputCaptureExtension.class)
class QueryTokenIT extends RunningTinyApi {

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return send("GET", pathAndQuery);
    }

    @Test
    void aFeedTakesTheTokenFromTheQueryAndNoLogLineShowsIt(CapturedOutput output) throws Exception {
        HttpResponse<String> answer = get("/feeds/primary?access_token=" + TestTokens.VIEWER);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("X-WR-CALNAME:primary");
        assertThat(output).contains("/feeds/primary?access_token=****").doesNotContain(TestTokens.VIEWER);
    }

    @Test
    void aFeedWithoutTheTokenOrWithAWrongOneIsRefusedWithoutEchoingIt() throws Exception {
        assertThat(get("/feeds/primary").statusCode()).isEqualTo(401);

        HttpResponse<String> wrong = get("/feeds/primary?access_token=guessed-feed-token");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("is not valid").doesNotContain("guessed-feed-token");
    }

    @Test
    void everywhereElseATokenInTheQueryIsIgnored() throws Exception {
        assertThat(get("/readings?access_token=" + TestTokens.VIEWER).statusCode()).isEqualTo(401);
        assertThat(send("POST", "/actions?access_token=" + TestTokens.RESPONDER).statusCode())
                .isEqualTo(401);
    }
}
