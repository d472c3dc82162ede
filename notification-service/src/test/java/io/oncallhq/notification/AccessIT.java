package io.oncallhq.notification;

import io.oncallhq.apisecurity.OpenApiWalk;
import io.oncallhq.apisecurity.TestTokens;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Every operation of the service's own OpenAPI document: Slack's endpoints need no bearer token, only Slack's signature. */
class AccessIT extends RunningNotificationService {

    @Test
    void slacksEndpointsNeverAskForABearerToken() throws Exception {
        OpenApiWalk walk = new OpenApiWalk(URI.create("http://localhost:" + port));
        var operations = walk.operations();

        assertThat(operations).extracting(Object::toString).contains("POST /slack/commands", "POST /slack/interactions");
        walk.check(operations, operation -> Optional.empty(), TestTokens.byRole());
    }

    @Test
    void theMetricsNeedAToken() throws Exception {
        var anonymous = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());
        var viewer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
                        .header("Authorization", "Bearer " + TestTokens.VIEWER).build(),
                HttpResponse.BodyHandlers.discarding());

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(viewer.statusCode()).isEqualTo(200);
    }
}
