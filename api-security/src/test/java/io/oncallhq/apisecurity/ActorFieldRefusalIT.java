package io.oncallhq.apisecurity;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A body never says who acts: the token does. {@code spring.mvc.problemdetails.enabled} stands for the problem
 * handler every service has.
 */
@TestPropertySource(properties = "spring.mvc.problemdetails.enabled=true")
class ActorFieldRefusalIT extends RunningTinyApi {

    @DynamicPropertySource
    static void personalTokens(DynamicPropertyRegistry registry) {
        TestTokens.registerResponders(registry, "alex");
    }

    private HttpResponse<String> note(String token, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/notes"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void aPersonalTokenActsAsItsResponderAndASharedOneAsItsName() throws Exception {
        assertThat(note(TestTokens.of("alex"), "{\"text\":\"Rolled back\"}").body()).isEqualTo("Rolled back (by alex)");
        assertThat(note(TestTokens.RESPONDER, "{\"text\":\"Rolled back\"}").body())
                .isEqualTo("Rolled back (by it-responder)");
    }

    @Test
    void aBodyNamingWhoActsIsRefusedWithAProblemNamingTheField() throws Exception {
        HttpResponse<String> claimed = note(TestTokens.RESPONDER, "{\"text\":\"Rolled back\",\"by\":\"alex\"}");
        HttpResponse<String> actor = note(TestTokens.of("alex"), "{\"actor\":{\"id\":\"sam\"},\"text\":\"x\"}");

        assertThat(claimed.statusCode()).isEqualTo(400);
        assertThat(claimed.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(claimed.body()).contains("\"field\":\"by\"", "bearer token");
        assertThat(actor.statusCode()).isEqualTo(400);
        assertThat(actor.body()).contains("\"field\":\"actor\"");
    }

    @Test
    void aNestedByIsPartOfTheContentNotAnActor() throws Exception {
        HttpResponse<String> answer = note(TestTokens.RESPONDER, "{\"text\":\"x\",\"details\":{\"by\":\"deploy bot\"}}");

        assertThat(answer.statusCode()).isEqualTo(200);
    }
}
