package io.oncallhq.postmortem.drafting;

import io.oncallhq.contracts.Topics;
import io.oncallhq.contracts.incident.IncidentResolved;
import io.oncallhq.postmortem.RecordedIncident.Recorded;
import io.oncallhq.postmortem.RecordedIncident;
import io.oncallhq.postmortem.RunningPostmortemService;
import io.oncallhq.postmortem.document.Postmortems;
import io.oncallhq.postmortem.history.IncidentHistories;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.messaging.Message;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.oncallhq.postmortem.RecordedIncident.ALEX;
import static io.oncallhq.postmortem.RecordedIncident.TRIGGERED_AT;
import static io.oncallhq.postmortem.RecordedIncident.lateNote;
import static io.oncallhq.postmortem.RecordedIncident.resolvedCheckoutIncident;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Generation: incident events in, one drafted post-mortem out. */
class PostmortemServiceIT extends RunningPostmortemService {

    @Autowired
    IncidentHistories histories;

    @Test
    void aResolvedIncidentGetsExactlyOneDraftedPostmortem() {
        String incidentId = "inc-" + UUID.randomUUID();
        resolvedCheckoutIncident(incidentId).forEach(this::publish);

        JsonNode draft = awaitPostmortem(incidentId, postmortem -> postmortem.get("timeline").size() == 7);

        assertThat(draft.get("title").asString()).isEqualTo("Post-mortem: #42 Checkout latency above 2s");
        assertThat(draft.get("status").asString()).isEqualTo("draft");
        assertThat(draft.get("incidentNumber").asLong()).isEqualTo(42);
        assertThat(draft.get("incidentUrl").asString()).isEqualTo(INCIDENT_SERVICE_TEAMS.url() + "/incidents/" + incidentId);
        assertThat(draft.get("serviceName").asString()).isEqualTo("Checkout API");
        assertThat(draft.get("teamId").asString()).isEqualTo("payments");
        assertThat(draft.get("severity").asString()).isEqualTo("critical");
        assertThat(Instant.parse(draft.get("startedAt").asString())).isEqualTo(TRIGGERED_AT.minusSeconds(120));
        assertThat(draft.get("timeToAcknowledge").get("iso").asString()).isEqualTo("PT6M");
        assertThat(draft.get("timeToResolve").get("seconds").asLong()).isEqualTo(1800);
        assertThat(draft.get("acknowledgedBy").asString()).isEqualTo("Alex Rivera");
        assertThat(draft.get("responders").get(0).get("outcome").asString()).isEqualTo("delivered");
        assertThat(draft.get("alerts").get(0).get("links").get(0).get("href").asString())
                .isEqualTo("https://runbooks.example.com/checkout-latency");
        assertThat(draft.get("alerts").get(0).get("links").get(1).get("href").asString())
                .isEqualTo(RecordedIncident.GENERATOR_URL);
        assertThat(texts(draft)).containsExactly(
                "Incident #42 triggered: Checkout latency above 2s",
                "Alert attached: Checkout latency above 2s (source: checkout-api-7f9c)",
                "Paging Alex Rivera (level 1)",
                "Paged Alex Rivera (level 1) via slack",
                "Acknowledged by Alex Rivera",
                "Note: Rolled back release 2026.11.20-1",
                "Resolved by Alex Rivera");
        assertThat(draft.get("summary").asString()).startsWith("Checkout API had a critical incident, #42");
        assertThat(draft.get("sections").valueStream().map(section -> section.get("key").asString()))
                .containsExactly("summary", "impact", "detection", "response", "rootCause", "wentWell", "wentBadly",
                        "gotLucky", "actionItems");
        assertThat(draft.get("revision").asInt()).isEqualTo(1);
        assertThat(draft.get("actionItems").size()).isZero();

        JsonNode byId = http.get().uri("/postmortems/{id}", draft.get("id").asString()).retrieve().body(JsonNode.class);
        assertThat(byId.get("incidentId").asString()).isEqualTo(incidentId);
        assertThat(histories.find(incidentId)).hasValueSatisfying(history ->
                assertThat(history.timeline()).hasSize(7));
    }

    @Test
    void aRedeliveredOrSecondResolutionNeverMakesAnotherPostmortem() {
        String incidentId = "inc-" + UUID.randomUUID();
        List<Recorded> events = resolvedCheckoutIncident(incidentId);
        events.forEach(this::publish);
        String postmortemId = awaitPostmortem(incidentId, postmortem -> true).get("id").asString();

        Recorded resolved = events.getLast();
        publish(resolved);
        publish(new Recorded(UUID.randomUUID().toString(),
                new IncidentResolved(incidentId, ALEX, "Resolved again from Slack", TRIGGERED_AT.plusSeconds(29 * 60))));
        publish(lateNote(incidentId, UUID.randomUUID().toString(), 30 * 60)); // processed after both, same partition

        JsonNode refreshed = awaitPostmortem(incidentId, postmortem -> texts(postmortem).contains("Note: Dashboards updated"));

        assertThat(refreshed.get("id").asString()).isEqualTo(postmortemId);
        assertThat(texts(refreshed)).filteredOn(text -> text.startsWith("Resolved")).containsExactly(
                "Resolved by Alex Rivera", "Resolved by Alex Rivera: Resolved again from Slack");
        assertThat(refreshed.get("timeToResolve").get("iso").asString()).isEqualTo("PT31M");
        assertThat(mongo.count(query(where("incidentId").is(incidentId)), Postmortems.COLLECTION)).isEqualTo(1);
    }

    @Test
    void anUnknownPostmortemIsA404Problem() {
        http.get().uri("/postmortems/{id}", "no-such-postmortem").exchange((request, response) -> {
            assertThat(response.getStatusCode()).isEqualTo(HttpStatusCode.valueOf(404));
            assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8))
                    .contains("\"status\":404", "no-such-postmortem");
            return null;
        });
    }

    @Test
    void anOutOfRangeLimitIsAProblemNamingTheField() {
        http.get().uri("/postmortems?limit=0").exchange((request, response) -> {
            assertThat(response.getStatusCode()).isEqualTo(HttpStatusCode.valueOf(400));
            JsonNode problem = response.bodyTo(JsonNode.class);
            assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("limit");
            return null;
        });
    }

    @Test
    void theApiIsDescribedByOpenApi() {
        JsonNode description = http.get().uri("/v3/api-docs").retrieve().body(JsonNode.class);

        assertThat(description.get("paths").propertyNames()).contains("/postmortems", "/postmortems/{id}");
        JsonNode schemas = description.get("components").get("schemas");
        assertThat(schemas.get("PostmortemResponse").get("properties").propertyNames()).contains("changes", "timeline");
        assertThat(schemas.get("ChangeResponse").get("properties").propertyNames())
                .containsExactlyInAnyOrder("id", "at", "summary", "source", "links");
    }

    @Test
    void anUnreadableIncidentEventGoesToTheDeadLetterTopic() {
        String incidentId = "inc-" + UUID.randomUUID();
        Message<byte[]> valid = INCIDENT_SERVICE.toMessage(resolvedCheckoutIncident(incidentId).getFirst().event(),
                "poison-" + incidentId, Instant.now());
        send(Topics.INCIDENTS, valid, "{\"number\":\"not a number\"".getBytes(StandardCharsets.UTF_8));

        assertThat(awaitDeadLetter(Topics.INCIDENTS, incidentId).headers().lastHeader("x-exception-message")).isNotNull();
        assertThat(histories.find(incidentId)).isEmpty();
    }
}
