package io.oncallhq.apisecurity;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Without {@code cors-allowed-origins}, a browser on another origin gets nothing it may use. */
class CorsClosedByDefaultIT extends RunningTinyApi {

    private static final String ORIGIN = "https://status.example.com";

    @Test
    void aPreflightIsRefusedWithoutCorsHeaders() throws Exception {
        HttpResponse<String> answer = preflight(ORIGIN, "GET", "/readings", "authorization");

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(allowedOrigin(answer)).isEmpty();
    }

    @Test
    void anAnswerToAnotherOriginCarriesNoCorsHeaderSoTheBrowserWithholdsIt() throws Exception {
        HttpResponse<String> answer = readFrom(ORIGIN);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(allowedOrigin(answer)).isEmpty();
    }

    @Test
    void anOpenRouteIsNeitherPreflightedNorReadableFromAnotherOrigin() throws Exception {
        HttpResponse<String> preflight = preflight(ORIGIN, "POST", HOOK, "content-type");
        assertThat(preflight.statusCode()).isEqualTo(401);
        assertThat(allowedOrigin(preflight)).isEmpty();

        HttpResponse<String> call = callHook("Origin", ORIGIN);
        assertThat(call.statusCode()).isEqualTo(200);
        assertThat(allowedOrigin(call)).isEmpty();
    }
}
