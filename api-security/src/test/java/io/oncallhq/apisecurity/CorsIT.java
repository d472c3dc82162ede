package io.oncallhq.apisecurity;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** A browser app on a configured origin may call the API; any other origin may not. */
@TestPropertySource(properties = "oncallhq.security.cors-allowed-origins=https://status.example.com, https://ops.example.com")
class CorsIT extends RunningTinyApi {

    private static final String ALLOWED = "https://ops.example.com";
    private static final String OTHER = "https://evil.example.net";

    private HttpResponse<String> preflightForAnAction(String origin) throws Exception {
        return preflight(origin, "POST", "/actions", "authorization,content-type");
    }

    @Test
    void aPreflightFromAnAllowedOriginIsAnsweredWithoutAToken() throws Exception {
        HttpResponse<String> answer = preflightForAnAction(ALLOWED);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(allowedOrigin(answer)).contains(ALLOWED);
        assertThat(answer.headers().firstValue("Access-Control-Allow-Methods")).contains("GET,POST,PUT,PATCH,DELETE");
        assertThat(answer.headers().firstValue("Access-Control-Allow-Headers")).hasValueSatisfying(
                headers -> assertThat(headers.toLowerCase()).contains("authorization", "content-type"));
        assertThat(answer.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
    }

    @Test
    void aPreflightFromAnyOtherOriginIsRefused() throws Exception {
        HttpResponse<String> answer = preflightForAnAction(OTHER);

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(allowedOrigin(answer)).isEmpty();
    }

    @Test
    void aPreflightAskingForAnotherHeaderIsRefused() throws Exception {
        HttpResponse<String> answer = preflight(ALLOWED, "GET", "/readings", "x-session-cookie");

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(allowedOrigin(answer)).isEmpty();
    }

    @Test
    void aCallWithATokenFromAnAllowedOriginMayBeReadByThePageWithItsExposedHeaders() throws Exception {
        HttpResponse<String> answer = readFrom(ALLOWED);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(allowedOrigin(answer)).contains(ALLOWED);
        assertThat(answer.headers().firstValue("Access-Control-Expose-Headers"))
                .contains("ETag, Location, Link, Retry-After");
    }

    @Test
    void anOpenRouteIsPreflightedAndCalledFromAnAllowedOriginOnly() throws Exception {
        HttpResponse<String> preflight = preflight(ALLOWED, "POST", HOOK, "content-type");
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(allowedOrigin(preflight)).contains(ALLOWED);
        assertThat(preflight(OTHER, "POST", HOOK, "content-type").statusCode()).isEqualTo(403);

        HttpResponse<String> call = callHook("Origin", ALLOWED);
        assertThat(call.statusCode()).isEqualTo(200);
        assertThat(allowedOrigin(call)).contains(ALLOWED);

        HttpResponse<String> fromOther = callHook("Origin", OTHER);
        assertThat(fromOther.statusCode()).isEqualTo(403);
        assertThat(allowedOrigin(fromOther)).isEmpty();
    }
}
