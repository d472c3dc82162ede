package io.oncallhq.ingest;

import io.oncallhq.contracts.Topics;
import io.oncallhq.contracts.alert.AlertEvent;
import io.oncallhq.contracts.alert.AlertResolved;
import io.oncallhq.contracts.alert.AlertTriggered;
import io.oncallhq.contracts.cloudevents.ReceivedEvent;
import io.oncallhq.localruntime.EventTopics;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AlertmanagerIT extends RunningIngestService {

    private static final String PATH = "/integrations/" + DEMO_KEY + "/alertmanager";

    @Test
    void theDocumentedBatchIsPublishedAsOneEventPerAlertBeforeTheAnswer() throws Exception {
        String fingerprint = uniqueFingerprint();
        HttpResponse<String> response = postJson(PATH, Payloads.text("alertmanager-firing.json").replace("7e3f8d2c9a1b4f60", fingerprint));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode accepted = json(response).get("alerts");
        assertThat(accepted.get(0).get("dedupKey").asString()).isEqualTo(fingerprint);
        List<ReceivedEvent<AlertEvent>> events = eventsWithDedupKey("alertmanager:v1:" + fingerprint);
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.id()).isEqualTo(accepted.get(0).get("eventId").asString());
            assertThat(event.data()).isInstanceOfSatisfying(AlertTriggered.class, alert -> {
                assertThat(alert.serviceId()).as("the demo key works on every endpoint").isEqualTo("checkout-api");
                assertThat(alert.integrationType()).isEqualTo("alertmanager");
                assertThat(alert.groupKey()).isEqualTo("{}:{alertname=\"HighRequestLatency\"}");
                assertThat(alert.rawPayload()).contains("someFutureField");
            });
        });
        assertThat(eventsWithDedupKey("alertmanager:v1:0c5d1e9b7a3f2846")).isNotEmpty();
    }

    @Test
    void aResolvedAlertResolvesThatAlertOnly() throws Exception {
        String fingerprint = uniqueFingerprint();
        String body = Payloads.text("alertmanager-resolved.json").replace("7e3f8d2c9a1b4f60", fingerprint);

        assertThat(postJson(PATH, body).statusCode()).isEqualTo(202);

        assertThat(eventsWithDedupKey("alertmanager:v1:" + fingerprint)).singleElement()
                .satisfies(event -> assertThat(event.data()).isInstanceOf(AlertResolved.class));
        assertThat(eventsWithDedupKey("alertmanager:v1:0c5d1e9b7a3f2846"))
                .noneMatch(event -> event.data() instanceof AlertResolved);
    }

    @Test
    void oneInvalidAlertRejectsTheWholeBatchAndNothingIsPublished() throws Exception {
        String secondAlert = "\"status\": \"firing\",\n      \"labels\": {\n        \"alertname\": \"HighRequestLatency\",\n        \"instance\": \"checkout-api-2b41";
        String body = Payloads.text("alertmanager-firing.json");
        assertThat(body).contains(secondAlert);
        body = body.replace(secondAlert, secondAlert.replace("firing", "pending"));
        int before = recordCount();

        HttpResponse<String> response = postJson(PATH, body);

        assertProblem(response, 400);
        assertThat(json(response).get("errors").findValuesAsString("field")).containsExactly("alerts[1].status");
        assertThat(recordCount()).isEqualTo(before);
    }

    @Test
    void alertsWithoutLabelsAreNamedByIndexAndNothingIsPublished() throws Exception {
        String body = """
                {"version":"4","groupKey":"{}:{}","status":"firing","receiver":"r","alerts":[
                  {"status":"firing","labels":{"alertname":"A"},"fingerprint":"aa"},
                  {"status":"firing","labels":{"alertname":"B"},"fingerprint":"bb"},
                  {"status":"firing","labels":{"alertname":"C"},"fingerprint":"cc"},
                  {"status":"firing","labels":{},"fingerprint":"dd"}]}""";
        int before = recordCount();

        HttpResponse<String> response = postJson(PATH, body);

        assertProblem(response, 400);
        assertThat(json(response).get("errors").findValuesAsString("field")).containsExactly("alerts[3].labels");
        assertThat(recordCount()).isEqualTo(before);
    }

    @Test
    void malformedJsonAndAnUnknownKeyPublishNothing() throws Exception {
        int before = recordCount();

        assertProblem(postJson(PATH, "{\"version\":\"4\",\"alerts\":[{]}"), 400);
        assertProblem(postJson("/integrations/no-such-key/alertmanager", Payloads.text("alertmanager-firing.json")), 401);
        assertThat(recordCount()).isEqualTo(before);
    }

    @Test
    void everyAlertOfABatchCarriesTheTraceOfTheRequestInOneProducerSpan() throws Exception {
        String first = uniqueFingerprint();
        String second = uniqueFingerprint();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String senderSpan = uniqueFingerprint();
        HttpRequest request = request(PATH)
                .header("Content-Type", "application/json")
                .header("traceparent", "00-" + traceId + "-" + senderSpan + "-01")
                .POST(HttpRequest.BodyPublishers.ofString(Payloads.text("alertmanager-firing.json")
                        .replace("7e3f8d2c9a1b4f60", first).replace("0c5d1e9b7a3f2846", second)))
                .build();

        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(202);

        List<String> traceparents = topics.readAll(Topics.ALERTS).stream()
                .filter(record -> EventTopics.header(record, "ce_subject")
                        .filter(subject -> subject.endsWith(first) || subject.endsWith(second)).isPresent())
                .map(record -> EventTopics.header(record, "traceparent").orElse("none"))
                .toList();
        assertThat(traceparents).hasSize(2).allSatisfy(traceparent ->
                assertThat(traceparent).startsWith("00-" + traceId + "-").doesNotContain(senderSpan));
        assertThat(traceparents.getFirst()).as("one producer span for the request's records").isEqualTo(traceparents.getLast());
    }

    private static String uniqueFingerprint() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }
}
