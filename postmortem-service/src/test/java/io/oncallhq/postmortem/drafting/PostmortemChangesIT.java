package io.oncallhq.postmortem.drafting;

import io.oncallhq.contracts.Topics;
import io.oncallhq.postmortem.RecordedChange.Recorded;
import io.oncallhq.postmortem.RunningPostmortemService;
import io.oncallhq.postmortem.change.ServiceChanges;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.messaging.Message;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.oncallhq.postmortem.RecordedChange.configured;
import static io.oncallhq.postmortem.RecordedChange.deployed;
import static io.oncallhq.postmortem.RecordedIncident.STARTED_AT;
import static io.oncallhq.postmortem.RecordedIncident.TRIGGERED_AT;
import static io.oncallhq.postmortem.RecordedIncident.resolvedCheckoutIncident;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * What changed before the incident: {@code change.recorded.v1} records on the {@code changes} topic, listed in the
 * post-mortems of the service's incidents. Each test has a service of its own, so its changes concern its incident
 * alone.
 */
class PostmortemChangesIT extends RunningPostmortemService {

    private static final Instant TEN_MINUTES_BEFORE = STARTED_AT.minus(Duration.ofMinutes(10));
    private static final Instant WHILE_OPEN = TRIGGERED_AT.plus(Duration.ofMinutes(7));
    private static final Instant RESOLVED_AT = TRIGGERED_AT.plus(Duration.ofMinutes(28));

    @Test
    void aChangeTenMinutesBeforeTheIncidentIsInItsDraftAndItsMarkdown() {
        String service = "checkout-" + UUID.randomUUID();
        String incidentId = "inc-" + UUID.randomUUID();
        publishChange(deployed("ch-" + UUID.randomUUID(), service, "2026.11.20-1", TEN_MINUTES_BEFORE));
        resolvedCheckoutIncident(incidentId, service).forEach(this::publish);

        JsonNode draft = awaitPostmortem(incidentId, postmortem -> postmortem.get("changes").size() == 1
                && texts(postmortem).contains("Resolved by Alex Rivera"));

        JsonNode change = draft.get("changes").get(0);
        assertThat(Instant.parse(change.get("at").asString())).isEqualTo(TEN_MINUTES_BEFORE);
        assertThat(change.get("summary").asString()).isEqualTo("Deployed checkout 2026.11.20-1");
        assertThat(change.get("source").asString()).isEqualTo("argo-cd");
        assertThat(change.get("links").get(0).get("href").asString()).isEqualTo("https://ci.example.com/deploys/2026.11.20-1");
        JsonNode first = draft.get("timeline").get(0);
        assertThat(first.get("kind").asString()).isEqualTo("change");
        assertThat(first.get("eventId").asString()).isEqualTo(change.get("id").asString());
        assertThat(Instant.parse(first.get("at").asString())).isEqualTo(TEN_MINUTES_BEFORE);
        assertThat(texts(draft)).startsWith("Change: Deployed checkout 2026.11.20-1 (source: argo-cd)",
                "Incident #42 triggered: Checkout latency above 2s");
        assertThat(draft.get("summary").asString()).contains("The last change to the service before it began was "
                + "\"Deployed checkout 2026.11.20-1\" from argo-cd at 2026-11-20 09:48 UTC (10 min before).");

        String markdown = call(HttpMethod.GET, "/postmortems/" + draft.get("id").asString(), null, null, "text/markdown")
                .body();
        assertThat(markdown).contains("## Changes\n\n- 2026-11-20 09:48 UTC Deployed checkout 2026.11.20-1 (argo-cd) "
                        + "[Deploy 2026.11.20-1](https://ci.example.com/deploys/2026.11.20-1)\n",
                "| 2026-11-20 09:48 UTC | Change: Deployed checkout 2026.11.20-1 (source: argo-cd) |");
    }

    @Test
    void aChangeDeliveredTwiceIsListedOnceAndTheSecondDeliveryChangesNothing() {
        String service = "checkout-" + UUID.randomUUID();
        String incidentId = "inc-" + UUID.randomUUID();
        Recorded deploy = deployed("ch-" + UUID.randomUUID(), service, "2026.11.20-1", TEN_MINUTES_BEFORE);
        publishChange(deploy);
        publishChange(deploy);
        publishChange(configured("ch-" + UUID.randomUUID(), service, "Feature flag fast-checkout turned off", WHILE_OPEN));
        resolvedCheckoutIncident(incidentId, service).forEach(this::publish);
        JsonNode draft = awaitPostmortem(incidentId, postmortem -> postmortem.get("changes").size() == 2
                && texts(postmortem).contains("Resolved by Alex Rivera"));

        publishChange(deploy);
        String barrier = "ch-" + UUID.randomUUID();
        publishChange(configured(barrier, "another-" + UUID.randomUUID(), "Unrelated", WHILE_OPEN));
        await().atMost(PATIENCE).until(() -> mongo.exists(query(where("_id").is(barrier)), ServiceChanges.COLLECTION));

        JsonNode after = call(HttpMethod.GET, "/postmortems/" + draft.get("id").asString(), null, null).json();
        assertThat(texts(after)).filteredOn(text -> text.startsWith("Change: ")).containsExactly(
                "Change: Deployed checkout 2026.11.20-1 (source: argo-cd)",
                "Change: Feature flag fast-checkout turned off");
        assertThat(after.get("version").asLong()).isEqualTo(draft.get("version").asLong());
        assertThat(mongo.count(query(where("_id").is(deploy.id())), ServiceChanges.COLLECTION)).isEqualTo(1);
    }

    @Test
    void changesToAnotherServiceOrOutsideTheWindowAreNotListed() {
        String service = "checkout-" + UUID.randomUUID();
        String incidentId = "inc-" + UUID.randomUUID();
        publishChange(deployed("ch-" + UUID.randomUUID(), "search-" + UUID.randomUUID(), "2026.11.20-7", TEN_MINUTES_BEFORE));
        publishChange(deployed("ch-" + UUID.randomUUID(), service, "2026.11.19-1",
                STARTED_AT.minus(Duration.ofHours(24)).minusSeconds(60)));
        resolvedCheckoutIncident(incidentId, service).forEach(this::publish);
        awaitPostmortem(incidentId, postmortem -> texts(postmortem).contains("Resolved by Alex Rivera"));

        publishChange(deployed("ch-" + UUID.randomUUID(), service, "2026.11.20-2", RESOLVED_AT.plusSeconds(60)));
        publishChange(configured("ch-" + UUID.randomUUID(), service, "Feature flag fast-checkout turned off", WHILE_OPEN));
        JsonNode draft = awaitPostmortem(incidentId, postmortem -> postmortem.get("changes").size() > 0);

        assertThat(draft.get("changes").valueStream().map(change -> change.get("summary").asString()))
                .containsExactly("Feature flag fast-checkout turned off");
        assertThat(texts(draft)).filteredOn(text -> text.startsWith("Change: "))
                .containsExactly("Change: Feature flag fast-checkout turned off");
    }

    @Test
    void aServiceWithManyChangesHasTheLatestTwentyListed() {
        String service = "checkout-" + UUID.randomUUID();
        String incidentId = "inc-" + UUID.randomUUID();
        for (int minutesBefore = 21; minutesBefore >= 1; minutesBefore--) {
            publishChange(deployed("ch-" + UUID.randomUUID(), service, "build-" + minutesBefore,
                    STARTED_AT.minus(Duration.ofMinutes(minutesBefore))));
        }
        resolvedCheckoutIncident(incidentId, service).forEach(this::publish);

        JsonNode draft = awaitPostmortem(incidentId, postmortem -> postmortem.get("changes").size() == 20
                && texts(postmortem).contains("Resolved by Alex Rivera"));

        assertThat(draft.get("changes").get(0).get("summary").asString()).isEqualTo("Deployed checkout build-20");
        assertThat(draft.get("changes").get(19).get("summary").asString()).isEqualTo("Deployed checkout build-1");
        assertThat(texts(draft)).doesNotContain("Change: Deployed checkout build-21 (source: argo-cd)");
    }

    @Test
    void aChangeArrivingAfterTheDraftIsAddedAndTheTeamsEditsStay() {
        String service = "checkout-" + UUID.randomUUID();
        String incidentId = "inc-" + UUID.randomUUID();
        resolvedCheckoutIncident(incidentId, service).forEach(this::publish);
        String id = awaitPostmortem(incidentId, postmortem -> postmortem.get("timeline").size() == 7).get("id").asString();
        call("sam", HttpMethod.PATCH, "/postmortems/" + id + "/sections/impact", etagOf(id),
                Map.of("text", "2% of checkouts failed"));
        call("sam", HttpMethod.PATCH, "/postmortems/" + id + "/timeline/" + incidentId + "-e3", etagOf(id),
                Map.of("hidden", true));
        call("sam", HttpMethod.POST, "/postmortems/" + id + "/timeline", etagOf(id),
                Map.of("at", TRIGGERED_AT.plusSeconds(15 * 60).toString(), "text", "Decided to roll back"));

        publishChange(deployed("ch-" + UUID.randomUUID(), service, "2026.11.20-1", TEN_MINUTES_BEFORE));
        JsonNode refreshed = awaitPostmortem(incidentId, postmortem -> postmortem.get("changes").size() == 1);

        assertThat(refreshed.get("impact").asString()).isEqualTo("2% of checkouts failed");
        assertThat(refreshed.get("summary").asString()).contains("\"Deployed checkout 2026.11.20-1\"");
        assertThat(texts(refreshed)).startsWith("Change: Deployed checkout 2026.11.20-1 (source: argo-cd)")
                .contains("Decided to roll back");
        assertThat(refreshed.get("timeline").valueStream()
                .filter(entry -> entry.get("eventId").asString().equals(incidentId + "-e3")).toList())
                .singleElement().satisfies(entry -> assertThat(entry.get("hidden").asBoolean()).isTrue());
        assertThat(refreshed.get("status").asString()).isEqualTo("draft");
    }

    @Test
    void anUnreadableChangeGoesToTheDeadLetterTopic() {
        String service = "checkout-" + UUID.randomUUID();
        Recorded deploy = deployed("poison-" + UUID.randomUUID(), service, "2026.11.20-1", TEN_MINUTES_BEFORE);
        Message<byte[]> valid = ALERT_INGEST.toMessage(deploy.event(), deploy.id(), Instant.now());
        send(Topics.CHANGES, valid, "{\"occurredAt\":\"yesterday\"".getBytes(StandardCharsets.UTF_8));

        assertThat(awaitDeadLetter(Topics.CHANGES, service).headers().lastHeader("x-exception-message")).isNotNull();
        assertThat(mongo.exists(query(where("_id").is(deploy.id())), ServiceChanges.COLLECTION)).isFalse();
    }
}
