package io.oncallhq.ingest;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class ExplainIT extends RunningIngestService {

    private static final String PATH = "/integrations/" + DEMO_KEY + "/explain?format=";

    @Test
    void explainingAnAlertmanagerBatchShowsEachAlertsKeyAndSeverityAndPublishesNothing() throws Exception {
        int before = recordCount();

        HttpResponse<String> response = postJson(PATH + "alertmanager", Payloads.text("alertmanager-firing.json"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = json(response);
        assertThat(answer.get("published").asBoolean()).isFalse();
        assertThat(answer.get("serviceId").asString()).isEqualTo("checkout-api");
        JsonNode first = answer.get("alerts").get(0);
        assertThat(first.get("eventType").asString()).isEqualTo("alert.triggered.v1");
        assertThat(first.get("dedupKey").asString()).isEqualTo("alertmanager:v1:7e3f8d2c9a1b4f60");
        assertThat(first.get("dedupKeyRule").asString()).contains("fingerprint");
        assertThat(first.get("severity").asString()).isEqualTo("critical");
        assertThat(first.get("severityRule").asString()).isEqualTo("severity label 'page' maps to critical");
        assertThat(answer.get("alerts").get(1).get("severityRule").asString()).contains("no severity label: warning by default");
        assertThat(first.get("event").get("summary").asString()).isEqualTo("High request latency on checkout-api-7f9c:8080");
        assertThat(recordCount()).isEqualTo(before);
    }

    @Test
    void explainingAPagerDutyTriggerWithoutDedupKeyShowsTheGeneratedOne() throws Exception {
        int before = recordCount();

        HttpResponse<String> response = postJson(PATH + "pagerduty", """
                {"routing_key":"%s","event_action":"trigger",
                 "payload":{"summary":"Queue backlog","source":"worker-3","severity":"info"}}""".formatted(DEMO_KEY));

        JsonNode alert = json(response).get("alerts").get(0);
        assertThat(alert.get("dedupKey").asString()).matches("pagerduty:v1:[0-9a-f]{32}");
        assertThat(alert.get("dedupKeyRule").asString()).contains("generated");
        assertThat(recordCount()).isEqualTo(before);
    }

    @Test
    void explainRefusesWhatTheEndpointRefusesAndAnUnknownFormat() throws Exception {
        HttpResponse<String> invalid = postJson(PATH + "generic", "{\"summary\":\"\"}");
        HttpResponse<String> unknownFormat = postJson(PATH + "nagios", "{}");

        assertProblem(invalid, 400);
        assertProblem(unknownFormat, 400);
        assertThat(json(unknownFormat).get("errors").findValuesAsString("field")).containsExactly("format");
    }
}
