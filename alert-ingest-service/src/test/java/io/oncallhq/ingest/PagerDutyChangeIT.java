package io.oncallhq.ingest;

import io.oncallhq.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static io.oncallhq.ingest.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;

/** A deploy pipeline or any tool set up for PagerDuty's change events, pointed here by changing only the URL's host. */
class PagerDutyChangeIT extends RunningIngestService {

    private static final String PATH = "/v2/change/enqueue";

    private TopicReader changes;
    private TopicReader alerts;
    private Map<TopicPartition, Long> changesBefore;

    @BeforeEach // after RunningIngestService's, which sets brokers
    void snapshotTheTopics() {
        changes = new TopicReader(brokers, Topics.CHANGES);
        alerts = new TopicReader(brokers, Topics.ALERTS);
        changesBefore = changes.endOffsets();
    }

    @AfterEach
    void closeConsumers() {
        changes.close();
        alerts.close();
    }

    @Test
    void theDocumentedChangeEventIsAnsweredAsPagerDutyDoesOnceItIsOnTheChangesTopic() throws Exception {
        Map<TopicPartition, Long> alertsBefore = alerts.endOffsets();
        String body = Payloads.text("pagerduty-change.json").replace("ROUTING_KEY", DEMO_KEY);
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String senderSpan = "00f067aa0ba902b7";

        HttpResponse<String> response = http.send(request(PATH).header("Content-Type", "application/json")
                .header("traceparent", "00-" + traceId + "-" + senderSpan + "-01")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(json(response)).isEqualTo(JSON.readTree("{\"status\":\"success\",\"message\":\"Change event processed\"}"));
        List<ConsumerRecord<String, byte[]>> records = changes.recordsSince(changesBefore);
        assertThat(records).hasSize(1);
        ConsumerRecord<String, byte[]> record = records.getFirst();
        assertThat(record.key()).isEqualTo("checkout-api");
        assertThat(header(record, "ce_type")).isEqualTo("change.recorded.v1");
        assertThat(header(record, "ce_subject")).isEqualTo("checkout-api");
        assertThat(header(record, "traceparent")).as("a child of the request's span")
                .startsWith("00-" + traceId + "-").doesNotContain(senderSpan);
        JsonNode change = JSON.readTree(record.value());
        assertThat(change.get("serviceId").asString()).isEqualTo("checkout-api");
        assertThat(change.get("integrationId").asString()).isEqualTo("checkout-api-generic");
        assertThat(change.get("integrationType").asString()).isEqualTo("pagerduty");
        assertThat(change.get("summary").asString()).isEqualTo("Build Success: Increase snapshot create timeout to 30 seconds");
        assertThat(change.get("source").asString()).isEqualTo("acme-build-pipeline-tool-default-i-9999");
        assertThat(change.get("details")).isEqualTo(JSON.readTree(
                "{\"build_state\":\"passed\",\"build_number\":\"2\",\"run_time\":\"1236s\"}"));
        assertThat(change.get("links")).isEqualTo(JSON.readTree(
                "[{\"href\":\"https://acme.pagerduty.dev/build/2\",\"text\":\"View more details in Acme!\"}]"));
        assertThat(change.get("occurredAt").asString()).isEqualTo("2020-07-17T08:42:58.315Z");
        assertThat(change.get("rawPayload").asString()).isEqualTo(body);
        assertThat(alerts.endOffsets()).as("a change is no alert").isEqualTo(alertsBefore);
    }

    @Test
    void goPagerDutysEmptyFieldsAreAbsentAndTheChangeHappenedWhenItWasReceived() throws Exception {
        Instant sent = Instant.now();

        HttpResponse<String> response = postJson(PATH, """
                {"routing_key":"%s","payload":{"source":"","summary":"Deployed checkout-api v2.4.1","timestamp":"",
                 "custom_details":null},"links":null,"client":"a field change events do not have"}""".formatted(DEMO_KEY));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(changes.recordsSince(changesBefore)).singleElement().satisfies(record -> {
            JsonNode change = JSON.readTree(record.value());
            assertThat(change.get("summary").asString()).isEqualTo("Deployed checkout-api v2.4.1");
            assertThat(change.has("source")).isFalse();
            assertThat(change.get("details").isEmpty()).isTrue();
            assertThat(change.get("links").isEmpty()).isTrue();
            Instant received = Instant.parse(change.get("receivedAt").asString());
            assertThat(change.get("occurredAt").asString()).isEqualTo(change.get("receivedAt").asString());
            assertThat(received).isAfterOrEqualTo(sent).isBeforeOrEqualTo(Instant.now());
        });
    }

    @Test
    void theRoutingKeyMayComeInTheXRoutingKeyHeaderAsPagerDutysPythonClientSendsIt() throws Exception {
        HttpRequest request = request(PATH).header("Content-Type", "application/json").header("X-Routing-Key", DEMO_KEY)
                .POST(HttpRequest.BodyPublishers.ofString("{\"payload\":{\"summary\":\"Config applied to db-1\"}}")).build();

        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(changes.recordsSince(changesBefore)).singleElement()
                .satisfies(record -> assertThat(record.key()).isEqualTo("checkout-api"));
    }

    static Stream<Arguments> invalidChanges() {
        return Stream.of(
                Arguments.of("{\"payload\":{\"summary\":\"Deployed v2\"}}", "'routing_key' is missing or blank"),
                Arguments.of(withKey("{\"payload\":{\"source\":\"ci\"}}"), "'payload.summary' is missing or blank"),
                Arguments.of(withKey("{\"payload\":{\"summary\":\"" + "s".repeat(1025) + "\"}}"),
                        "'payload.summary' must be at most 1024 characters"),
                Arguments.of(withKey("{\"payload\":{\"summary\":\"Deployed v2\",\"timestamp\":\"yesterday\"}}"),
                        "'payload.timestamp' must be an ISO 8601 date-time"),
                Arguments.of(withKey("{\"payload\":{\"summary\":\"Deployed v2\"},\"links\":[{\"text\":\"Build 7\"}]}"),
                        "'links[0].href' must be an absolute http or https URL"));
    }

    @ParameterizedTest
    @MethodSource("invalidChanges")
    void anInvalidChangeEventIsAnInvalidEventInPagerDutysShapeAndPublishesNothing(String body, String error) throws Exception {
        HttpResponse<String> response = postJson(PATH, body);

        assertInvalidEvent(response);
        assertThat(json(response).get("errors").valueStream().map(JsonNode::asString)).containsExactly(error);
        assertThat(changes.endOffsets()).isEqualTo(changesBefore);
    }

    @Test
    void everyFaultIsListedInOneAnswer() throws Exception {
        HttpResponse<String> response = postJson(PATH, """
                {"payload":{"timestamp":"yesterday"},"links":[{"href":"not a url"}]}""");

        assertInvalidEvent(response);
        assertThat(json(response).get("errors").valueStream().map(JsonNode::asString)).containsExactlyInAnyOrder(
                "'routing_key' is missing or blank", "'payload.summary' is missing or blank",
                "'payload.timestamp' must be an ISO 8601 date-time", "'links[0].href' must be an absolute http or https URL");
        assertThat(changes.endOffsets()).isEqualTo(changesBefore);
    }

    @Test
    void anUnknownRoutingKeyIsAnInvalidEventThatNamesNoKeyAndPublishesNothing() throws Exception {
        String unknownKey = "e93facc04764012d7bfb002500d5d1a6";

        HttpResponse<String> response = postJson(PATH, Payloads.text("pagerduty-change.json").replace("ROUTING_KEY", unknownKey));

        assertInvalidEvent(response);
        assertThat(json(response).get("errors").get(0).asString()).isEqualTo("Invalid routing key");
        assertThat(response.body()).doesNotContain(unknownKey);
        assertThat(changes.endOffsets()).isEqualTo(changesBefore);
    }

    @Test
    void malformedJsonIsAnInvalidEventAndPublishesNothing() throws Exception {
        HttpResponse<String> response = postJson(PATH, "{\"routing_key\": \"" + DEMO_KEY + "\", \"payload\": ");

        assertInvalidEvent(response);
        assertThat(json(response).get("errors").get(0).asString()).startsWith("Malformed JSON at line 1");
        assertThat(changes.endOffsets()).isEqualTo(changesBefore);
    }

    @Test
    void anotherContentTypeIsUnsupportedAndPublishesNothing() throws Exception {
        HttpResponse<String> response = post(PATH, "text/plain", Payloads.text("pagerduty-change.json").replace("ROUTING_KEY", DEMO_KEY));

        assertProblem(response, 415);
        assertThat(changes.endOffsets()).isEqualTo(changesBefore);
    }

    @Test
    void aBodyOverTheLimitIsRefusedAndPublishesNothing() throws Exception {
        HttpResponse<String> response = postJson(PATH, withKey(
                "{\"payload\":{\"summary\":\"big\",\"custom_details\":{\"log\":\"" + "x".repeat(600 * 1024) + "\"}}}"));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).get("status").asString()).isEqualTo("invalid event");
        assertThat(changes.endOffsets()).isEqualTo(changesBefore);
    }

    @Test
    void aThrottledIntegrationGets429WithRetryAfterAndThatRequestPublishesNothing() throws Exception {
        String body = "{\"routing_key\":\"" + THROTTLED_KEY + "\",\"payload\":{\"summary\":\"Deployed v2\"}}";
        HttpResponse<String> response = null;
        Map<TopicPartition, Long> beforeRefused = null;
        for (int i = 0; i < 20 && (response == null || response.statusCode() != 429); i++) { // its limit is 1 a second
            beforeRefused = changes.endOffsets();
            response = postJson(PATH, body);
        }

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(json(response).get("status").asString()).isEqualTo("throttle event");
        assertThat(changes.endOffsets()).isEqualTo(beforeRefused);
    }

    @Test
    void changesAreCountedPerIntegrationAndRefusedOnesPerReasonApartFromAlerts() throws Exception {
        double received = count("oncallhq.changes.received", "integration", "checkout-api-generic", "format", "pagerduty");
        double unknownKey = count("oncallhq.changes.rejected", "integration", "none", "format", "pagerduty", "reason", "unknown_key");
        double invalid = count("oncallhq.changes.rejected", "integration", "none", "format", "pagerduty", "reason", "invalid");
        double alertsReceived = count("oncallhq.alerts.received", "integration", "checkout-api-generic", "format", "pagerduty");

        assertThat(postJson(PATH, withKey("{\"payload\":{\"summary\":\"Deployed v2\"}}")).statusCode()).isEqualTo(202);
        assertThat(postJson(PATH, "{\"routing_key\":\"not-a-key\",\"payload\":{\"summary\":\"x\"}}").statusCode()).isEqualTo(400);
        assertThat(postJson(PATH, withKey("{\"payload\":{}}")).statusCode()).isEqualTo(400);

        assertThat(count("oncallhq.changes.received", "integration", "checkout-api-generic", "format", "pagerduty"))
                .isEqualTo(received + 1);
        assertThat(count("oncallhq.changes.rejected", "integration", "none", "format", "pagerduty", "reason", "unknown_key"))
                .isEqualTo(unknownKey + 1);
        assertThat(count("oncallhq.changes.rejected", "integration", "none", "format", "pagerduty", "reason", "invalid"))
                .as("a fault in the body is found before the key is checked").isEqualTo(invalid + 1);
        assertThat(count("oncallhq.alerts.received", "integration", "checkout-api-generic", "format", "pagerduty"))
                .isEqualTo(alertsReceived);
    }

    private static String withKey(String body) {
        return body.replaceFirst("^\\{", "{\"routing_key\":\"" + DEMO_KEY + "\",");
    }

    private static void assertInvalidEvent(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(json(response).get("status").asString()).isEqualTo("invalid event");
        assertThat(json(response).get("message").asString()).isEqualTo("Event object is invalid");
    }
}
