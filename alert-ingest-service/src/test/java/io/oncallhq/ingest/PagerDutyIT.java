package io.oncallhq.ingest;

import io.oncallhq.contracts.alert.AlertTriggered;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A tool set up for PagerDuty, pointed here by changing only the URL. */
class PagerDutyIT extends RunningIngestService {

    private static final String PATH = "/v2/enqueue";

    @Test
    void theDocumentedTriggerIsAnsweredAsPagerDutyDoesOnceItIsOnKafka() throws Exception {
        String dedupKey = "srv01/mysql-" + UUID.randomUUID();
        String body = Payloads.text("pagerduty-trigger.json").replace("ROUTING_KEY", DEMO_KEY).replace("srv01/mysql", dedupKey);

        HttpResponse<String> response = postJson(PATH, body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode answer = json(response);
        assertThat(answer.get("status").asString()).isEqualTo("success");
        assertThat(answer.get("message").asString()).isEqualTo("Event processed");
        assertThat(answer.get("dedup_key").asString()).isEqualTo(dedupKey);
        assertThat(eventsWithDedupKey("pagerduty:v1:" + dedupKey)).singleElement().satisfies(event ->
                assertThat(event.data()).isInstanceOfSatisfying(AlertTriggered.class, alert -> {
                    assertThat(alert.serviceId()).isEqualTo("checkout-api");
                    assertThat(alert.summary()).isEqualTo("DISK at 99% on machine prod-datapipe03.example.com");
                }));
    }

    @Test
    void aGeneratedDedupKeyAcknowledgesAndResolvesTheAlert() throws Exception {
        HttpResponse<String> trigger = postJson(PATH, """
                {"routing_key":"%s","event_action":"trigger",
                 "payload":{"summary":"Queue backlog","source":"worker-3","severity":"warning"}}""".formatted(DEMO_KEY));
        String dedupKey = json(trigger).get("dedup_key").asString();

        HttpResponse<String> acknowledge = postJson(PATH, event("acknowledge", dedupKey));
        HttpResponse<String> resolve = postJson(PATH, event("resolve", dedupKey));

        assertThat(trigger.statusCode()).isEqualTo(202);
        assertThat(dedupKey).isNotBlank();
        assertThat(acknowledge.statusCode()).isEqualTo(202);
        assertThat(json(resolve).get("dedup_key").asString()).isEqualTo(dedupKey);
        assertThat(eventsWithDedupKey("pagerduty:v1:" + dedupKey)).extracting(event -> event.type())
                .containsExactly("alert.triggered.v1", "alert.acknowledged.v1", "alert.resolved.v1");
    }

    @Test
    void anInvalidEventListsEveryErrorInPagerDutysShapeAndPublishesNothing() throws Exception {
        int before = recordCount();

        HttpResponse<String> response = postJson(PATH, """
                {"routing_key":"%s","event_action":"trigger","payload":{"summary":"","severity":"fatal"}}""".formatted(DEMO_KEY));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode answer = json(response);
        assertThat(answer.get("status").asString()).isEqualTo("invalid event");
        assertThat(answer.get("message").asString()).isEqualTo("Event object is invalid");
        assertThat(answer.get("errors").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("'payload.summary' is missing or blank", "'payload.source' is missing or blank",
                        "'payload.severity' must be one of critical, error, warning, info");
        assertThat(recordCount()).isEqualTo(before);
    }

    @Test
    void theRoutingKeyMayComeInTheXRoutingKeyHeaderAsPagerDutysPythonClientSendsIt() throws Exception {
        String dedupKey = "header-key-" + UUID.randomUUID();
        String body = """
                {"event_action":"trigger","dedup_key":"%s",
                 "payload":{"summary":"Disk full on db-1","source":"db-1","severity":"error"}}""".formatted(dedupKey);
        HttpRequest request = request(PATH).header("Content-Type", "application/json").header("X-Routing-Key", DEMO_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();

        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(eventsWithDedupKey("pagerduty:v1:" + dedupKey)).singleElement()
                .satisfies(event -> assertThat(event.data().serviceId()).isEqualTo("checkout-api"));
    }

    @Test
    void anUnknownRoutingKeyIsAnInvalidEventAndPublishesNothing() throws Exception {
        int before = recordCount();

        HttpResponse<String> response = postJson(PATH, Payloads.text("pagerduty-trigger.json").replace("ROUTING_KEY", "e93facc04764012d7bfb002500d5d1a6"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("status").asString()).isEqualTo("invalid event");
        assertThat(json(response).get("errors").get(0).asString()).isEqualTo("Invalid routing key");
        assertThat(response.body()).doesNotContain("e93facc04764012d7bfb002500d5d1a6");
        assertThat(recordCount()).isEqualTo(before);
    }

    @Test
    void malformedJsonIsAnInvalidEvent() throws Exception {
        int before = recordCount();

        HttpResponse<String> response = postJson(PATH, "{\"routing_key\": ");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("status").asString()).isEqualTo("invalid event");
        assertThat(recordCount()).isEqualTo(before);
    }

    @Test
    void aThrottledIntegrationGets429WithRetryAfter() throws Exception {
        HttpResponse<String> response = null;
        int before = 0;
        for (int i = 0; i < 20 && (response == null || response.statusCode() != 429); i++) { // its limit is 1 a second
            before = recordCount();   // the requests before the refused one were accepted and published
            response = postJson(PATH, event("resolve", "throttle-test").replace(DEMO_KEY, THROTTLED_KEY));
        }

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(json(response).get("status").asString()).isEqualTo("throttle event");
        assertThat(recordCount()).isEqualTo(before);
    }

    private static String event(String action, String dedupKey) {
        return """
                {"routing_key":"%s","event_action":"%s","dedup_key":"%s"}""".formatted(DEMO_KEY, action, dedupKey);
    }
}
