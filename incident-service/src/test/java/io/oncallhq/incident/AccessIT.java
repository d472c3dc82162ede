package io.oncallhq.incident;

import io.oncallhq.apisecurity.OpenApiWalk;
import io.oncallhq.apisecurity.Role;
import io.oncallhq.apisecurity.TestTokens;
import io.oncallhq.contracts.Topics;
import io.oncallhq.localruntime.LocalMongo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every operation of the service's own OpenAPI document, with no token and a token of each role. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}")
@EmbeddedKafka(partitions = 1, topics = {Topics.ALERTS, Topics.INCIDENTS, Topics.PAGES, Topics.PAGE_OUTCOMES,
        Topics.INCIDENT_COMMANDS})
class AccessIT {

    private static final LocalMongo MONGO = LocalMongo.start(null, 0);
    /** On-call configuration and silences; every other write acts on an incident. */
    private static final Set<String> ADMIN_PREFIXES =
            Set.of("/teams", "/services", "/responders", "/schedules", "/oncall-config", "/silences");

    @DynamicPropertySource
    static void mongoAndTokens(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MONGO.connectionString("incidents"));
        TestTokens.register(registry);
    }

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    @LocalServerPort
    int port;

    private static Optional<Role> required(OpenApiWalk.Operation operation) {
        if (operation.method().equals("GET")) {
            return Optional.of(Role.VIEWER);
        }
        boolean configuration = ADMIN_PREFIXES.stream().anyMatch(prefix -> operation.path().startsWith(prefix));
        return Optional.of(configuration ? Role.ADMIN : Role.RESPONDER);
    }

    @Test
    void viewersReadRespondersActOnIncidentsAndOnlyAdminsChangeOnCallConfigurationAndSilences() throws Exception {
        OpenApiWalk walk = new OpenApiWalk(URI.create("http://localhost:" + port));
        var operations = walk.operations();

        assertThat(operations).extracting(Object::toString).contains("POST /incidents/{id}/acknowledge",
                "PUT /schedules/{id}", "POST /oncall-config", "DELETE /silences/{id}", "GET /metrics/response");
        walk.check(operations, AccessIT::required, TestTokens.byRole());
    }
}
