package io.oncallhq.ingest;

import io.oncallhq.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.oncallhq.ingest.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;

class GenericWebhookIT extends RunningIngestService {

    @Autowired
    MongoTemplate mongo;

    private TopicReader alerts;
    private Map<TopicPartition, Long> before;

    @BeforeEach // after RunningIngestService's, which sets brokers
    void snapshotTheTopic() {
        alerts = new TopicReader(brokers, Topics.ALERTS);
        before = alerts.endOffsets();
    }

    @AfterEach
    void closeConsumer() {
        alerts.close();
    }

    @Test
    void aTriggeredAlertIsAcceptedOnlyOnceItIsOnTheAlertsTopic() throws Exception {
        HttpResponse<String> response = postGeneric(DEMO_KEY, "application/json", """
                {"summary":"Checkout latency above 2s","severity":"CRITICAL","dedupKey":"checkout-latency",
                 "source":"checkout-api-7f9c","labels":{"region":"eu-west-1"},"details":{"p99_ms":2350},
                 "links":[{"href":"https://grafana.example.com/d/checkout","text":"Dashboard"}],
                 "startedAt":"2026-11-22T09:15:00+01:00"}""");

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("status").asString()).isEqualTo("accepted");
        assertThat(body.get("dedupKey").asString()).isEqualTo("checkout-latency");

        List<ConsumerRecord<String, byte[]>> records = alerts.recordsSince(before);
        assertThat(records).hasSize(1);
        ConsumerRecord<String, byte[]> record = records.getFirst();
        assertThat(record.key()).isEqualTo("checkout-api");
        assertThat(header(record, "ce_type")).isEqualTo("alert.triggered.v1");
        assertThat(header(record, "ce_id")).isEqualTo(body.get("eventId").asString());
        assertThat(header(record, "ce_subject")).isEqualTo("generic:v1:checkout-latency");
        JsonNode event = JSON.readTree(record.value());
        assertThat(event.get("dedupKey").asString()).isEqualTo("generic:v1:checkout-latency");
        assertThat(event.get("serviceId").asString()).isEqualTo("checkout-api");
        assertThat(event.get("integrationId").asString()).isEqualTo("checkout-api-generic");
        assertThat(event.get("integrationType").asString()).isEqualTo("generic");
        assertThat(event.get("severity").asString()).isEqualTo("critical");
        assertThat(event.get("startedAt").asString()).isEqualTo("2026-11-22T08:15:00Z");
        assertThat(event.get("rawPayload").asString()).contains("Checkout latency above 2s");
    }

    @Test
    void aResolveIsPublishedAsAlertResolvedWithTheComputedDedupKeyWhenNoneWasGiven() throws Exception {
        HttpResponse<String> response = postGeneric(DEMO_KEY, "application/json; charset=utf-8",
                "{\"summary\":\"Disk full on db-1\",\"source\":\"db-1\",\"action\":\"resolve\"}");

        assertThat(response.statusCode()).isEqualTo(202);
        String computedKey = JSON.readTree(response.body()).get("dedupKey").asString();
        assertThat(computedKey).matches("[0-9a-f]{64}");
        List<ConsumerRecord<String, byte[]>> records = alerts.recordsSince(before);
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(header(record, "ce_type")).isEqualTo("alert.resolved.v1");
            assertThat(JSON.readTree(record.value()).get("dedupKey").asString()).isEqualTo("generic:v1:" + computedKey);
        });
    }

    @Test
    void invalidFieldsAreAllListedAndNothingIsPublished() throws Exception {
        HttpResponse<String> response = postGeneric(DEMO_KEY, "application/json",
                "{\"summary\":\"\",\"severity\":\"fatal\",\"links\":[{\"href\":\"not a url\"}]}");

        assertProblem(response, 400);
        assertThat(JSON.readTree(response.body()).get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("summary", "severity", "links[0].href");
        assertThat(alerts.endOffsets()).isEqualTo(before);
    }

    @Test
    void malformedJsonIsRefusedNamingWhereItBroke() throws Exception {
        HttpResponse<String> response = postGeneric(DEMO_KEY, "application/json", "{\"summary\": \"x\",\n \"severity\": }");

        assertProblem(response, 400);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("line").asInt()).isEqualTo(2);
        assertThat(problem.get("detail").asString()).startsWith("Malformed JSON at line 2");
        assertThat(alerts.endOffsets()).isEqualTo(before);
    }

    @Test
    void anUnknownKeyIsUnauthorisedAndNeverEchoed() throws Exception {
        String wrongKey = "not-a-key-of-any-integration";
        HttpResponse<String> response = postGeneric(wrongKey, "application/json", "{\"summary\":\"x\",\"severity\":\"info\"}");

        assertProblem(response, 401);
        assertThat(response.body()).doesNotContain(wrongKey);
        assertThat(alerts.endOffsets()).isEqualTo(before);
    }

    @Test
    void acceptedAlertsAreCountedPerIntegrationAndRefusedRequestsPerIntegrationAndReason() throws Exception {
        double received = count("oncallhq.alerts.received", "integration", "checkout-api-generic", "format", "generic");
        double unknownKey = count("oncallhq.alerts.rejected", "integration", "none", "format", "generic", "reason", "unknown_key");
        double invalid = count("oncallhq.alerts.rejected", "integration", "checkout-api-generic", "format", "generic",
                "reason", "invalid");

        assertThat(postGeneric(DEMO_KEY, "application/json", "{\"summary\":\"Disk full\",\"severity\":\"error\"}")
                .statusCode()).isEqualTo(202);
        assertThat(postGeneric("not-a-key", "application/json", "{\"summary\":\"x\",\"severity\":\"info\"}")
                .statusCode()).isEqualTo(401);
        assertThat(postGeneric(DEMO_KEY, "application/json", "{\"severity\":\"info\"}").statusCode()).isEqualTo(400);

        assertThat(count("oncallhq.alerts.received", "integration", "checkout-api-generic", "format", "generic"))
                .isEqualTo(received + 1);
        assertThat(count("oncallhq.alerts.rejected", "integration", "none", "format", "generic", "reason", "unknown_key"))
                .isEqualTo(unknownKey + 1);
        assertThat(count("oncallhq.alerts.rejected", "integration", "checkout-api-generic", "format", "generic",
                "reason", "invalid")).isEqualTo(invalid + 1);
    }

    @Test
    void anIntegrationOverItsRateLimitIsToldWhenToRetryAndNothingIsPublished() throws Exception {
        HttpResponse<String> response = null;
        Map<TopicPartition, Long> beforeRefused = null;
        for (int i = 0; i < 20 && (response == null || response.statusCode() != 429); i++) { // its limit is 1 a second
            beforeRefused = alerts.endOffsets();   // the requests before the refused one were accepted and published
            response = postGeneric(THROTTLED_KEY, "application/json", "{\"summary\":\"Flapping\",\"severity\":\"info\"}");
        }

        assertProblem(response, 429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(postGeneric(DEMO_KEY, "application/json", "{\"summary\":\"Other integration\",\"severity\":\"info\"}").statusCode())
                .as("another integration is not limited by it").isEqualTo(202);
        assertThat(alerts.recordsSince(beforeRefused)).singleElement()
                .satisfies(record -> assertThat(new String(record.value(), StandardCharsets.UTF_8)).contains("Other integration"));
    }

    @Test
    void anotherContentTypeIsUnsupported() throws Exception {
        HttpResponse<String> response = postGeneric(DEMO_KEY, "text/plain", "{\"summary\":\"x\",\"severity\":\"info\"}");

        assertProblem(response, 415);
        assertThat(response.body()).doesNotContain(DEMO_KEY);
        assertThat(alerts.endOffsets()).isEqualTo(before);
    }

    @Test
    void aBodyOverTheLimitIsRefusedByItsDeclaredLength() throws Exception {
        HttpResponse<String> response = postGeneric(DEMO_KEY, "application/json", oversizedAlert());

        assertProblem(response, 413);
        assertThat(alerts.endOffsets()).isEqualTo(before);
    }

    @Test
    void aStreamedBodyOverTheLimitIsRefusedWhileReading() throws Exception {
        byte[] body = oversizedAlert().getBytes(StandardCharsets.UTF_8);
        HttpRequest request = request(DEMO_KEY, "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))) // chunked: no length
                .build();

        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertProblem(response, 413);
        assertThat(alerts.endOffsets()).isEqualTo(before);
    }

    @Test
    void theDemoIntegrationStoresOnlyTheHashOfItsKey() {
        Document integration = mongo.findById("checkout-api-generic", Document.class, "integrations");

        assertThat(integration).isNotNull();
        assertThat(integration.getString("serviceId")).isEqualTo("checkout-api");
        assertThat(integration.getList("keyHashes", String.class)).singleElement().asString().matches("[0-9a-f]{64}");
        assertThat(integration.toJson()).doesNotContain(DEMO_KEY);
    }

    @Test
    void theApiIsDocumented() throws Exception {
        HttpResponse<String> docs = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("/integrations/{key}/generic", "GenericAlert");
    }

    private static String oversizedAlert() {
        return "{\"summary\":\"big\",\"severity\":\"info\",\"details\":{\"blob\":\"" + "x".repeat(600 * 1024) + "\"}}";
    }

    private HttpResponse<String> postGeneric(String key, String contentType, String body) throws Exception {
        return http.send(request(key, contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String key, String contentType) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/integrations/" + key + "/generic"))
                .header("Content-Type", contentType)
                .timeout(Duration.ofSeconds(30));
    }
}
