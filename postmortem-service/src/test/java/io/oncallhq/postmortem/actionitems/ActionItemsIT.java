package io.oncallhq.postmortem.actionitems;

import io.oncallhq.contracts.Topics;
import io.oncallhq.contracts.cloudevents.ReceivedEvent;
import io.oncallhq.contracts.postmortem.ActionItemOverdue;
import io.oncallhq.contracts.postmortem.PostmortemEvent;
import io.oncallhq.localruntime.EventTopics;
import io.oncallhq.postmortem.RunningPostmortemService;
import io.oncallhq.postmortem.config.PostmortemProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.oncallhq.postmortem.RecordedIncident.resolvedCheckoutIncident;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Action items over HTTP, and their overdue announcement on the {@code postmortems} topic. */
class ActionItemsIT extends RunningPostmortemService {

    private static final Instant TODAY = Instant.parse("2026-11-22T08:00:00Z");

    @Autowired
    CheckingOverdueActionItems checking;
    @Autowired
    ActionItems actionItems;
    @Autowired
    PostmortemProperties properties;

    @Test
    void actionItemsAreAddedChangedListedAndRemoved() {
        String id = resolvedPostmortem();
        String owner = "owner-" + UUID.randomUUID();
        clock.set(TODAY);

        JsonNode added = call(HttpMethod.POST, "/postmortems/" + id + "/action-items", null, Map.of(
                "title", "Size the pool from the load forecast", "owner", owner, "dueDate", "2026-11-30",
                "priority", "high", "issueUrl", "https://issues.example.com/PAY-12")).json();
        call(HttpMethod.POST, "/postmortems/" + id + "/action-items", null,
                Map.of("title", "Alert on pool saturation", "owner", owner, "dueDate", "2026-11-01"));
        String itemId = added.get("id").asString();

        assertThat(added.get("status").asString()).isEqualTo("open");
        assertThat(added.get("teamId").asString()).isEqualTo("payments");
        assertThat(call(HttpMethod.GET, "/postmortems/" + id + "/action-items", null, null).json()).hasSize(2);
        assertThat(call(HttpMethod.GET, "/action-items?owner=" + owner + "&overdue=true", null, null).json())
                .extracting(item -> item.get("title").asString()).containsExactly("Alert on pool saturation");
        JsonNode done = call(HttpMethod.PATCH, "/postmortems/" + id + "/action-items/" + itemId, null,
                Map.of("status", "done")).json();
        assertThat(done.get("status").asString()).isEqualTo("done");
        assertThat(done.get("title").asString()).isEqualTo("Size the pool from the load forecast");
        assertThat(call(HttpMethod.GET, "/action-items?owner=" + owner + "&status=done", null, null).json())
                .hasSize(1);
        assertThat(call(HttpMethod.GET, "/postmortems/" + id, null, null).json().get("actionItems")).hasSize(2);

        JsonNode invalid = call(HttpMethod.POST, "/postmortems/" + id + "/action-items", null,
                Map.of("title", " ", "priority", "urgent")).json();
        assertThat(invalid.get("errors").valueStream().map(error -> error.get("field").asString()))
                .containsExactlyInAnyOrder("title", "priority");
        assertThat(call(HttpMethod.DELETE, "/postmortems/" + id + "/action-items/" + itemId, null, null).status())
                .isEqualTo(204);
        assertThat(call(HttpMethod.GET, "/postmortems/" + id + "/action-items/" + itemId, null, null).status())
                .isEqualTo(404);
    }

    @Test
    void anOverdueItemIsAnnouncedExactlyOnceAcrossRunsAndRestarts() {
        String id = resolvedPostmortem();
        clock.set(TODAY);
        String itemId = call(HttpMethod.POST, "/postmortems/" + id + "/action-items", null, Map.of(
                "title", "Alert on pool saturation", "owner", "alex", "dueDate", "2026-11-21")).json().get("id").asString();
        String notYetDue = call(HttpMethod.POST, "/postmortems/" + id + "/action-items", null, Map.of(
                "title", "Load test checkout", "dueDate", "2026-11-22")).json().get("id").asString();

        checking.check();
        checking.check();
        new CheckingOverdueActionItems(actionItems, properties, clock).check(); // as after a restart
        await().atMost(PATIENCE).until(() -> mongo.count(query(where("_id").is(itemId).and("outbox.0").exists(true)),
                ActionItems.COLLECTION) == 0);

        try (EventTopics topics = new EventTopics(broker.getBrokersAsString(), "action-items-it")) {
            List<ActionItemOverdue> announced = topics.events(Topics.POSTMORTEMS, PostmortemEvent.class).stream()
                    .map(ReceivedEvent::data).map(ActionItemOverdue.class::cast)
                    .filter(event -> event.postmortemId().equals(id)).toList();
            assertThat(announced).singleElement().satisfies(event -> {
                assertThat(event.actionItemId()).isEqualTo(itemId);
                assertThat(event.dueDate()).isEqualTo(LocalDate.parse("2026-11-21"));
                assertThat(event.teamId()).isEqualTo("payments");
                assertThat(event.ownerId()).isEqualTo("alex");
                assertThat(event.postmortemUrl()).isEqualTo("http://postmortems.test/postmortems/" + id);
            });
            assertThat(topics.readAll(Topics.POSTMORTEMS)).filteredOn(record -> new String(record.key()).equals(id))
                    .hasSize(1);
        }
        assertThat(actionItems.find(id, notYetDue)).hasValueSatisfying(item ->
                assertThat(item.overdueAnnouncedFor()).isNull());
        assertThat(actionItems.find(id, itemId)).hasValueSatisfying(item ->
                assertThat(item.overdueAnnouncedFor()).isEqualTo(LocalDate.parse("2026-11-21")));
    }

    private String resolvedPostmortem() {
        String incidentId = "inc-" + UUID.randomUUID();
        resolvedCheckoutIncident(incidentId).forEach(this::publish);
        return awaitPostmortem(incidentId, postmortem -> postmortem.get("timeline").size() == 7).get("id").asString();
    }
}
