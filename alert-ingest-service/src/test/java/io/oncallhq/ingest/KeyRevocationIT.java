package io.oncallhq.ingest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas on one database and broker: this test's service, where the admin calls go, and another started beside
 * it, whose key cache check the test runs itself (its scheduler would wait an hour) instead of waiting for it.
 */
class KeyRevocationIT extends RunningIngestService {

    private static final String ALERT = "{\"summary\":\"Billing slow\",\"severity\":\"warning\"}";
    private static ConfigurableApplicationContext otherReplica;

    @Autowired
    ScheduledTaskHolder scheduling;

    @AfterAll
    static void stopOtherReplica() {
        if (otherReplica != null) {
            otherReplica.close();
        }
    }

    @Test
    void aKeyRevokedThroughOneReplicaIsRefusedByTheOtherAfterItsNextCheck() throws Exception {
        JsonNode created = createdIntegration("billing");
        String id = created.path("integration").path("id").asString();
        String oldKey = created.path("key").path("secret").asString();
        String newKey = json(send("POST", "/integrations/" + id + "/keys")).path("key").path("secret").asString();
        assertThat(postToOtherReplica(oldKey).statusCode()).isEqualTo(202);

        assertThat(send("DELETE", "/integrations/" + id + "/keys/" + created.path("key").path("id").asString()).statusCode())
                .isEqualTo(200);

        assertThat(postToOtherReplica(oldKey).statusCode()).as("answered from memory until the check").isEqualTo(202);
        runOtherReplicasKeyCacheCheck();
        assertProblem(postToOtherReplica(oldKey), 401);
        assertThat(postToOtherReplica(newKey).statusCode()).isEqualTo(202);
    }

    @Test
    void aKeyOfAnIntegrationDeletedThroughOneReplicaIsRefusedByTheOtherAfterItsNextCheck() throws Exception {
        JsonNode created = createdIntegration("invoicing");
        String key = created.path("key").path("secret").asString();
        assertThat(postToOtherReplica(key).statusCode()).isEqualTo(202);

        assertThat(send("DELETE", "/integrations/" + created.path("integration").path("id").asString()).statusCode()).isEqualTo(204);

        runOtherReplicasKeyCacheCheck();
        assertProblem(postToOtherReplica(key), 401);
    }

    @Test
    void everyReplicaChecksForIntegrationChangesEverySecond() {
        assertThat(keyCacheCheck(scheduling).getIntervalDuration()).isEqualTo(Duration.ofSeconds(1));
    }

    private JsonNode createdIntegration(String serviceId) throws Exception {
        INCIDENT_SERVICE.hasService(serviceId);
        HttpResponse<String> created = postJson("/integrations",
                "{\"serviceId\":\"" + serviceId + "\",\"name\":\"" + serviceId + "\",\"type\":\"generic\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created);
    }

    private HttpResponse<String> postToOtherReplica(String key) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + otherReplica().getEnvironment()
                        .getProperty("local.server.port") + "/integrations/" + key + "/generic"))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(ALERT))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** What its scheduler runs every {@code ingest.key-cache-check-interval}. */
    private void runOtherReplicasKeyCacheCheck() {
        keyCacheCheck(otherReplica().getBean(ScheduledTaskHolder.class)).getRunnable().run();
    }

    private static FixedDelayTask keyCacheCheck(ScheduledTaskHolder scheduling) {
        return scheduling.getScheduledTasks().stream()
                .map(ScheduledTask::getTask)
                .filter(task -> task.toString().endsWith(".KeyCacheCheck.check"))
                .map(FixedDelayTask.class::cast)
                .findFirst().orElseThrow();
    }

    private ConfigurableApplicationContext otherReplica() {
        if (otherReplica == null) {
            otherReplica = new SpringApplicationBuilder(AlertIngestApplication.class).run(
                    "--server.port=0",
                    "--spring.mongodb.uri=" + MONGO.connectionString("alert_ingest"),
                    "--spring.kafka.bootstrap-servers=" + brokers,
                    "--ingest.key-cache-check-interval=1h",
                    "--ingest.heartbeat.check-interval=1h");
        }
        return otherReplica;
    }
}
