package io.oncallhq.ingest;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class IntegrationAdminIT extends RunningIngestService {

    private static final String ALERT = "{\"summary\":\"Payments slow\",\"severity\":\"warning\"}";

    @Test
    void aCreatedIntegrationsKeyIsShownOnceAndWorksAtOnce() throws Exception {
        INCIDENT_SERVICE.hasService("payments");

        HttpResponse<String> created = postJson("/integrations", "{\"serviceId\":\"payments\",\"name\":\"Payments Prometheus\",\"type\":\"alertmanager\"}");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = json(created);
        String id = body.path("integration").path("id").asString();
        String secret = body.path("key").path("secret").asString();
        assertThat(created.headers().firstValue("Location")).hasValue("/integrations/" + id);
        assertThat(secret).matches("[a-z0-9]{32}"); // PagerDuty-shaped, about 165 bits
        HttpResponse<String> alert = postJson("/integrations/" + secret + "/generic", ALERT);
        assertThat(alert.statusCode()).isEqualTo(202);
        assertThat(eventsWithDedupKey("generic:v1:" + json(alert).path("dedupKey").asString()))
                .extracting(event -> event.data().serviceId()).contains("payments");

        HttpResponse<String> listed = send("GET", "/integrations?serviceId=payments");
        assertThat(listed.body()).contains(id, body.path("key").path("id").asString()).doesNotContain(secret);
        assertThat(send("GET", "/integrations/" + id).body()).doesNotContain(secret);
    }

    @Test
    void anIntegrationForAServiceIncidentServiceDoesNotKnowIsRefusedNamingServiceId() throws Exception {
        HttpResponse<String> refused = postJson("/integrations", "{\"serviceId\":\"no-such-service\",\"name\":\"Ghost\",\"type\":\"generic\"}");

        assertProblem(refused, 422);
        assertThat(json(refused).path("errors").get(0).path("field").asString()).isEqualTo("serviceId");
        assertThat(send("GET", "/integrations?serviceId=no-such-service").body()).isEqualTo("[]");
    }

    @Test
    void whenIncidentServiceCannotBeAskedNothingIsStoredAndTheAnswerSaysRetry() throws Exception {
        INCIDENT_SERVICE.unreachableOn("/services/reporting");

        HttpResponse<String> refused = postJson("/integrations", "{\"serviceId\":\"reporting\",\"name\":\"Reporting\",\"type\":\"generic\"}");

        assertProblem(refused, 503);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(send("GET", "/integrations?serviceId=reporting").body()).isEqualTo("[]");
    }

    @Test
    void anInvalidRequestNamesEveryFieldAtFault() throws Exception {
        HttpResponse<String> refused = postJson("/integrations", "{\"name\":\" \",\"type\":\"nagios\"}");

        assertProblem(refused, 400);
        assertThat(json(refused).path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("serviceId", "name", "type");
    }

    @Test
    void afterRotationBothKeysWorkUntilTheOldOneIsRevoked() throws Exception {
        INCIDENT_SERVICE.hasService("billing");
        JsonNode created = json(postJson("/integrations", "{\"serviceId\":\"billing\",\"name\":\"Billing\",\"type\":\"generic\"}"));
        String id = created.path("integration").path("id").asString();
        String oldKey = created.path("key").path("secret").asString();

        HttpResponse<String> rotated = send("POST", "/integrations/" + id + "/keys");

        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(201);
        String newKey = json(rotated).path("key").path("secret").asString();
        assertThat(newKey).isNotEqualTo(oldKey);
        assertThat(postJson("/integrations/" + oldKey + "/generic", ALERT).statusCode()).isEqualTo(202);
        assertThat(postJson("/integrations/" + newKey + "/generic", ALERT).statusCode()).isEqualTo(202);

        HttpResponse<String> revoked = send("DELETE", "/integrations/" + id + "/keys/" + created.path("key").path("id").asString());

        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        assertProblem(postJson("/integrations/" + oldKey + "/generic", ALERT), 401);
        assertThat(postJson("/integrations/" + newKey + "/generic", ALERT).statusCode()).isEqualTo(202);
        assertProblem(send("DELETE", "/integrations/" + id + "/keys/" + json(rotated).path("key").path("id").asString()), 409);
    }

    @Test
    void aDeletedIntegrationsKeysStopWorking() throws Exception {
        INCIDENT_SERVICE.hasService("search");
        JsonNode created = json(postJson("/integrations", "{\"serviceId\":\"search\",\"name\":\"Search\",\"type\":\"generic\"}"));
        String id = created.path("integration").path("id").asString();

        assertThat(send("DELETE", "/integrations/" + id).statusCode()).isEqualTo(204);

        assertProblem(postJson("/integrations/" + created.path("key").path("secret").asString() + "/generic", ALERT), 401);
        assertProblem(send("GET", "/integrations/" + id), 404);
    }
}
