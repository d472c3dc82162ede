package io.oncallhq.ingest;

import io.oncallhq.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static io.oncallhq.ingest.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An Alertmanager group is one incident: on an integration with {@code grouping=group} the alerts of one webhook share
 * an {@code incidentGroup}; switched to {@code alert}, each is an incident of its own again.
 */
class IncidentGroupIT extends RunningIngestService {

    private static final String GROUP_KEY = "{}:{alertname=\"HighRequestLatency\"}";

    private TopicReader alerts;

    @BeforeEach // after RunningIngestService's, which sets brokers
    void openTheTopic() {
        alerts = new TopicReader(brokers, Topics.ALERTS);
    }

    @AfterEach
    void closeConsumer() {
        alerts.close();
    }

    @Test
    void theAlertsOfOneAlertmanagerGroupShareAnIncidentGroupUntilTheIntegrationIsSwitchedToOneIncidentPerAlert() throws Exception {
        INCIDENT_SERVICE.hasService("payments");
        JsonNode created = json(postJson("/integrations",
                "{\"serviceId\":\"payments\",\"name\":\"Payments Prometheus\",\"type\":\"alertmanager\"}"));
        String id = created.path("integration").path("id").asString();
        String alertmanagerPath = "/integrations/" + created.path("key").path("secret").asString() + "/alertmanager";
        assertThat(created.path("integration").path("grouping").asString()).as("the default for alertmanager").isEqualTo("group");
        Map<TopicPartition, Long> beforeGrouped = alerts.endOffsets();

        assertThat(postJson(alertmanagerPath, Payloads.text("alertmanager-firing.json")).statusCode()).isEqualTo(202);

        assertThat(triggeredSince(beforeGrouped, id)).hasSize(2)
                .extracting(alert -> alert.path("incidentGroup").asString()).containsOnly(id + ":" + GROUP_KEY);

        HttpResponse<String> switched = patch("/integrations/" + id, "{\"grouping\":\"alert\"}");
        assertThat(switched.statusCode()).as(switched.body()).isEqualTo(200);
        assertThat(json(switched).path("grouping").asString()).isEqualTo("alert");
        assertThat(json(send("GET", "/integrations/" + id)).path("grouping").asString()).isEqualTo("alert");
        Map<TopicPartition, Long> beforeUngrouped = alerts.endOffsets();

        assertThat(postJson(alertmanagerPath, Payloads.text("alertmanager-firing.json")).statusCode()).isEqualTo(202);

        assertThat(triggeredSince(beforeUngrouped, id)).hasSize(2).allSatisfy(alert -> assertThat(alert.has("incidentGroup")).isFalse());
    }

    @Test
    void groupingByGroupIsRefusedForAGenericIntegrationNamingTheFieldAndNothingIsStored() throws Exception {
        INCIDENT_SERVICE.hasService("ledger");

        HttpResponse<String> refused = postJson("/integrations",
                "{\"serviceId\":\"ledger\",\"name\":\"Ledger\",\"type\":\"generic\",\"grouping\":\"group\"}");

        assertProblem(refused, 400);
        assertThat(json(refused).path("errors").findValuesAsString("field")).containsExactly("grouping");
        assertThat(send("GET", "/integrations?serviceId=ledger").body()).isEqualTo("[]");

        JsonNode generic = json(postJson("/integrations", "{\"serviceId\":\"ledger\",\"name\":\"Ledger\",\"type\":\"generic\"}"));
        String id = generic.path("integration").path("id").asString();
        assertThat(generic.path("integration").path("grouping").asString()).isEqualTo("alert");

        HttpResponse<String> refusedChange = patch("/integrations/" + id, "{\"grouping\":\"group\"}");

        assertProblem(refusedChange, 400);
        assertThat(json(refusedChange).path("errors").findValuesAsString("field")).containsExactly("grouping");
        assertThat(json(send("GET", "/integrations/" + id)).path("grouping").asString()).isEqualTo("alert");
    }

    /** The data of each alert.triggered.v1 record of the integration since the offsets. */
    private List<JsonNode> triggeredSince(Map<TopicPartition, Long> offsets, String integrationId) {
        return alerts.recordsSince(offsets).stream()
                .filter(record -> header(record, "ce_type").equals("alert.triggered.v1"))
                .map(ConsumerRecord::value)
                .map(JSON::readTree)
                .filter(alert -> alert.path("integrationId").asString().equals(integrationId))
                .toList();
    }
}
