package io.oncallhq.ingest;

import io.oncallhq.contracts.alert.AlertLink;
import io.oncallhq.contracts.alert.AlertTriggered;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class GrafanaIT extends RunningIngestService {

    private static final String PATH = "/integrations/" + DEMO_KEY + "/grafana";

    @Test
    void theDocumentedContactPointPayloadIsPublishedPerAlertWithItsLinks() throws Exception {
        String fingerprint = UUID.randomUUID().toString().substring(0, 16);

        HttpResponse<String> response = postJson(PATH, Payloads.text("grafana-firing.json").replace("bc97ff14869b13e3", fingerprint));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(json(response).get("alerts").size()).isEqualTo(2);
        assertThat(eventsWithDedupKey("grafana:v1:" + fingerprint)).singleElement().satisfies(event ->
                assertThat(event.data()).isInstanceOfSatisfying(AlertTriggered.class, alert -> {
                    assertThat(alert.integrationType()).isEqualTo("grafana");
                    assertThat(alert.summary()).isEqualTo("This alert was triggered for zone eu-1");
                    assertThat(alert.links()).extracting(AlertLink::text).containsExactly("Source", "Dashboard", "Panel", "Silence");
                }));
    }

    @Test
    void aContactPointSetToPutIsTakenLikeAPost() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + PATH))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .PUT(HttpRequest.BodyPublishers.ofString(Payloads.text("grafana-firing.json")))
                .build();

        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(202);
    }

    @Test
    void anAlertWithoutLabelsRejectsTheBatchAndPublishesNothing() throws Exception {
        int before = recordCount();

        HttpResponse<String> response = postJson(PATH, """
                {"receiver":"r","status":"firing","orgId":1,"version":"1","alerts":[
                  {"status":"firing","labels":{"alertname":"A"},"fingerprint":"aa"},
                  {"status":"firing","fingerprint":"bb"}]}""");

        assertProblem(response, 400);
        assertThat(json(response).get("errors").findValuesAsString("field")).containsExactly("alerts[1].labels");
        assertThat(recordCount()).isEqualTo(before);
    }
}
