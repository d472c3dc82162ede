package io.oncallhq.apisecurity;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /me} tells a token's owner who they are to the services, and what they may do. */
class CallerIT extends RunningTinyApi {

    @DynamicPropertySource
    static void personalTokens(DynamicPropertyRegistry registry) {
        TestTokens.registerResponders(registry, "alex");
    }

    private HttpResponse<String> me(String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/me"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private JsonNode caller(String token) throws Exception {
        HttpResponse<String> answer = me(token);
        assertThat(answer.statusCode()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(answer.body());
    }

    @Test
    void aPersonalTokenIsItsResponderWithItsRole() throws Exception {
        JsonNode alex = caller(TestTokens.of("alex"));

        assertThat(alex.get("responderId").asString()).isEqualTo("alex");
        assertThat(alex.get("role").asString()).isEqualTo("responder");
    }

    @Test
    void aSystemsTokenIsNoResponderAndAnswersItsHighestRole() throws Exception {
        JsonNode admin = caller(TestTokens.ADMIN);
        JsonNode viewer = caller(TestTokens.VIEWER);

        assertThat(admin.get("name").asString()).isEqualTo("admin");
        assertThat(admin.get("responderId").isNull()).isTrue();
        assertThat(admin.get("role").asString()).isEqualTo("admin");
        assertThat(viewer.get("role").asString()).isEqualTo("viewer");
    }

    @Test
    void withoutATokenNobodyIsToldAnything() throws Exception {
        assertThat(me(null).statusCode()).isEqualTo(401);
        assertThat(me("not-a-token").statusCode()).isEqualTo(401);
    }
}
