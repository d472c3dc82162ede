package io.oncallhq.ingest;

import io.oncallhq.apisecurity.OpenApiWalk;
import io.oncallhq.apisecurity.Role;
import io.oncallhq.apisecurity.TestTokens;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the service's own OpenAPI document, with no token and a token of each role: the senders'
 * endpoints (integration keys) are open, everything else is admin, including the routes that share the
 * {@code /integrations/...} prefix.
 */
class AccessIT extends RunningIngestService {

    private static final Set<String> OPEN = Set.of("/integrations/{key}/generic", "/integrations/{key}/alertmanager",
            "/integrations/{key}/grafana", "/integrations/{key}/heartbeat", "/integrations/{key}/explain", "/v2/enqueue",
            "/v2/change/enqueue");

    private static Optional<Role> required(OpenApiWalk.Operation operation) {
        return OPEN.contains(operation.path()) ? Optional.empty() : Optional.of(Role.ADMIN);
    }

    @Test
    void sendersNeedOnlyTheirIntegrationKeyAndTheAdminApiNeedsAnAdminToken() throws Exception {
        OpenApiWalk walk = new OpenApiWalk(URI.create("http://localhost:" + port));
        List<OpenApiWalk.Operation> operations = walk.operations();

        assertThat(operations).extracting(OpenApiWalk.Operation::path).containsAll(OPEN)
                .contains("/integrations", "/integrations/{id}/keys", "/integrations/{id}/heartbeat/settings");
        walk.check(operations, AccessIT::required, TestTokens.byRole());
    }

    @Test
    void aMissingTokenIsAProblemWithABearerChallengeAndAWrongOneNamesNoSecret() throws Exception {
        var anonymous = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/integrations")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(anonymous.body()).contains("\"status\":401").doesNotContain("Exception");

        var wrong = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/integrations"))
                        .header("Authorization", "Bearer not-the-token-4711").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).contains("invalid_token"));
        assertThat(wrong.body()).doesNotContain("not-the-token-4711");
    }
}
