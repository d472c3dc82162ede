package io.oncallhq.standins;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IncidentServiceStandInTest {

    private static final String TOKEN = "service-token";
    private static final IncidentServiceStandIn INCIDENT_SERVICE = new IncidentServiceStandIn(TOKEN);

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterAll
    static void stop() {
        INCIDENT_SERVICE.close();
    }

    @BeforeEach
    void forget() {
        INCIDENT_SERVICE.reset();
    }

    @Test
    void whatItHoldsIsAnsweredOnlyToTheServiceTokenAndAnythingElseIsNotFound() throws Exception {
        INCIDENT_SERVICE.hasService("payments").team("search", "sam", "rita");

        HttpResponse<String> service = get("/services/payments", TOKEN);
        assertThat(service.statusCode()).isEqualTo(200);
        assertThat(service.body()).isEqualTo("{\"id\":\"payments\",\"name\":\"payments\"}");
        assertThat(get("/teams/search", TOKEN).body()).contains("\"members\":[\"sam\",\"rita\"]");
        assertThat(get("/services/billing", TOKEN).statusCode()).isEqualTo(404);
        assertThat(get("/services/payments", "another-token").statusCode()).isEqualTo(401);
        assertThat(get("/services/payments", null).statusCode()).isEqualTo(401);
    }

    @Test
    void theIncidentListIsEmptyUnlessATestFillsItAndResetForgetsWhatTheTestSaid() throws Exception {
        INCIDENT_SERVICE.answers("/incidents?status=triggered", "[{\"id\":\"inc-1\"}]").answers("/responders", "[]");

        assertThat(get("/incidents?status=triggered", TOKEN).body()).isEqualTo("[{\"id\":\"inc-1\"}]");
        assertThat(get("/incidents?status=acknowledged", TOKEN).body()).isEqualTo("[]");
        INCIDENT_SERVICE.reset();
        assertThat(get("/incidents?status=triggered", TOKEN).body()).isEqualTo("[]");
        assertThat(get("/responders", TOKEN).statusCode()).isEqualTo(404);
    }

    @Test
    void troubleOnAPathIsWhatEveryCallerMeets() throws Exception {
        INCIDENT_SERVICE.hasService("reporting").unreachableOn("/services/reporting").failsOn("/responders");

        assertThatThrownBy(() -> get("/services/reporting", TOKEN)).isInstanceOf(IOException.class);
        assertThat(get("/responders", TOKEN).statusCode()).isEqualTo(503);
        assertThat(get("/teams/" + IncidentServiceStandIn.FAILING, TOKEN).statusCode()).isEqualTo(503);
        assertThatThrownBy(() -> http.send(request("/teams/" + IncidentServiceStandIn.SILENT, TOKEN)
                .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return http.send(request(path, token).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(INCIDENT_SERVICE.url() + path));
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }
}
