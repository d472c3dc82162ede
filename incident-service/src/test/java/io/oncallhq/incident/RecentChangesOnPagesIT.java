package io.oncallhq.incident;

import io.oncallhq.contracts.Severity;
import io.oncallhq.contracts.Topics;
import io.oncallhq.contracts.alert.AlertLink;
import io.oncallhq.contracts.alert.AlertTriggered;
import io.oncallhq.contracts.change.ChangeRecorded;
import io.oncallhq.contracts.page.PageRequested;
import io.oncallhq.contracts.page.RecentChange;
import io.oncallhq.incident.directory.EscalationPolicy;
import io.oncallhq.incident.directory.Responder;
import io.oncallhq.incident.directory.TechnicalService;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Changes reported on {@code changes} travel with the pages of their service's incidents and are listed by
 * {@code GET /incidents/{id}}, on a real KRaft broker and an in-memory MongoDB-wire server.
 */
class RecentChangesOnPagesIT extends RunningIncidentService {

    private String serviceId;

    @BeforeEach
    void saveService() {
        mongo.save(new Responder("changes-alex", "Alex Rivera", "alex@example.com", "Europe/Berlin", "U0CHANGESALEX"));
        mongo.save(new Responder("changes-blake", "Blake Chen", "blake@example.com", "America/New_York",
                "U0CHANGESBLAKE"));
        serviceId = "checkout-" + UUID.randomUUID();
        mongo.save(new TechnicalService(serviceId, "Checkout", null, new EscalationPolicy(List.of(
                new EscalationPolicy.Level(List.of("changes-alex"), 15),
                new EscalationPolicy.Level(List.of("changes-blake"), 15))), true));
    }

    @Test
    void aDeployTenMinutesBeforeAnAlertIsOnItsPageAndInItsIncident() throws Exception {
        Instant deployedAt = minutesAgo(10);
        reportChanges(change(serviceId, "Deployed checkout 2026.12.01-1", deployedAt));

        String incidentId = alertOpensIncident();

        PageRequested page = awaitPages(incidentId, 1).getFirst();
        assertThat(page.recentChanges()).containsExactly(new RecentChange("Deployed checkout 2026.12.01-1",
                "deploy-pipeline", deployedAt, "https://ci.example/builds/Deployed checkout 2026.12.01-1"));
        JsonNode listed = incident(incidentId).get("recentChanges");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("summary").asString()).isEqualTo("Deployed checkout 2026.12.01-1");
        assertThat(listed.get(0).get("source").asString()).isEqualTo("deploy-pipeline");
        assertThat(Instant.parse(listed.get(0).get("at").asString())).isEqualTo(deployedAt);
        assertThat(listed.get(0).get("links").get(0).get("href").asString())
                .isEqualTo("https://ci.example/builds/Deployed checkout 2026.12.01-1");
    }

    @Test
    void aPageCarriesTheLatestThreeChangesOfItsServiceOnceEachAndTheIncidentListsAllOfTheWindow() throws Exception {
        ProducerRecord<byte[], byte[]> deploy = changeRecord(change(serviceId, "Deployed 4", minutesAgo(10)));
        reportChanges(change(serviceId, "Deployed 1", minutesAgo(40)), change(serviceId, "Deployed 3", minutesAgo(20)),
                change(serviceId, "Deployed 2", minutesAgo(30)),
                change(serviceId, "Deployed 0", Instant.now().minus(Duration.ofHours(25)).truncatedTo(ChronoUnit.MILLIS)),
                change("search-api", "Deployed search", minutesAgo(5)));
        kafka.send(deploy);
        kafka.send(deploy);
        await().atMost(PATIENCE).until(() -> kafka.consumedAll(CONSUMER_GROUP, Topics.CHANGES));

        String incidentId = alertOpensIncident();

        assertThat(awaitPages(incidentId, 1).getFirst().recentChanges()).extracting(RecentChange::summary)
                .containsExactly("Deployed 4", "Deployed 3", "Deployed 2");
        assertThat(summaries(incident(incidentId))).containsExactly("Deployed 4", "Deployed 3", "Deployed 2", "Deployed 1");
    }

    @Test
    void aChangeMadeAfterTheIncidentWasTriggeredIsOnThePageOfTheNextLevel() throws Exception {
        String incidentId = alertOpensIncident();
        assertThat(awaitPages(incidentId, 1).getFirst().recentChanges()).isEmpty();

        reportChanges(change(serviceId, "Rolled back checkout to 2026.11.30-2", Instant.now()
                .truncatedTo(ChronoUnit.MILLIS)));
        mvc.perform(post("/incidents/{id}/escalate", incidentId)).andExpect(status().isOk());

        List<PageRequested> pages = awaitPages(incidentId, 2);
        assertThat(pages.get(1).level()).isEqualTo(2);
        assertThat(pages.get(1).recentChanges()).extracting(RecentChange::summary)
                .containsExactly("Rolled back checkout to 2026.11.30-2");
        assertThat(summaries(incident(incidentId))).containsExactly("Rolled back checkout to 2026.11.30-2");
    }

    private void reportChanges(ChangeRecorded... changes) throws Exception {
        for (ChangeRecorded change : changes) {
            kafka.send(changeRecord(change));
        }
        await().atMost(PATIENCE).until(() -> kafka.consumedAll(CONSUMER_GROUP, Topics.CHANGES));
    }

    private ProducerRecord<byte[], byte[]> changeRecord(ChangeRecorded change) {
        return kafka.record(Topics.CHANGES, change, "change-" + UUID.randomUUID());
    }

    private static ChangeRecorded change(String serviceId, String summary, Instant occurredAt) {
        return new ChangeRecorded(serviceId, serviceId + "-pagerduty", "pagerduty", summary, "deploy-pipeline",
                Map.of(), List.of(new AlertLink("https://ci.example/builds/" + summary, "build")), occurredAt,
                occurredAt, "{}");
    }

    private static Instant minutesAgo(int minutes) {
        return Instant.now().minus(minutes, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
    }

    private String alertOpensIncident() throws Exception {
        String dedupKey = "checkout-latency-" + UUID.randomUUID();
        kafka.publish(Topics.ALERTS, new AlertTriggered(serviceId, serviceId + "-generic", "generic", dedupKey, null,
                "Checkout latency above 2s", Severity.CRITICAL, "checkout-1", Map.of(), Map.of(), Map.of(), List.of(),
                Instant.now(), Instant.now(), "{}"), "alert-" + UUID.randomUUID());
        return await().atMost(PATIENCE).until(() -> call(get("/incidents").param("serviceId", serviceId), null, 200),
                found -> found.size() == 1).get(0).get("id").asString();
    }

    private List<PageRequested> awaitPages(String incidentId, int count) {
        return await().atMost(PATIENCE).until(() -> pagesOf(incidentId), pages -> pages.size() == count);
    }

    private static List<String> summaries(JsonNode incident) {
        return StreamSupport.stream(incident.get("recentChanges").spliterator(), false)
                .map(change -> change.get("summary").asString()).toList();
    }
}
