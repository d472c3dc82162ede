package io.oncallhq.incident;

import io.micrometer.core.instrument.MeterRegistry;
import io.oncallhq.contracts.Actor;
import io.oncallhq.contracts.Severity;
import io.oncallhq.contracts.Topics;
import io.oncallhq.contracts.alert.AlertResolved;
import io.oncallhq.contracts.alert.AlertTriggered;
import io.oncallhq.contracts.command.ReassignIncident;
import io.oncallhq.contracts.incident.IncidentReassigned;
import io.oncallhq.contracts.incident.IncidentReopened;
import io.oncallhq.contracts.incident.PagingSuppressed;
import io.oncallhq.contracts.page.PageRequested;
import io.oncallhq.contracts.page.PageUnroutable;
import io.oncallhq.incident.directory.EscalationPolicy;
import io.oncallhq.incident.directory.Responder;
import io.oncallhq.incident.directory.TechnicalService;
import io.oncallhq.incident.schedule.Schedule;
import io.oncallhq.incident.schedule.ScheduleOverride;
import io.oncallhq.incident.schedule.Schedules;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Manual incidents, reassignment, severity and priority, reopen, flap control, grouping windows, silences, the
 * filtered incident list and response metrics, on a real KRaft broker and an in-memory MongoDB-wire server.
 */
class IncidentWorkflowsIT extends RunningIncidentService {

    private static final String ALEX = "workflows-alex";
    private static final String BLAKE = "workflows-blake";
    private static final String BLAKE_SLACK_USER_ID = "U0WORKFLOWSBLAKE";
    private static final String TEAM = "workflows";

    @Autowired
    Schedules schedules;
    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void saveRespondersAndService() {
        mongo.save(new Responder(ALEX, "Alex Rivera", "alex@example.com", "Europe/Berlin", "U0WORKFLOWSALEX"));
        mongo.save(new Responder(BLAKE, "Blake Chen", "blake@example.com", "America/New_York", BLAKE_SLACK_USER_ID));
        saveService("workflow-api", null, null);
    }

    @Test
    void aManualIncidentPagesLevelOneAndEachReassignmentPagesTheNewResponderOverRestAndTheTopic() throws Exception {
        JsonNode opened = call(post("/incidents"), """
                {"serviceId": "workflow-api", "title": "EU checkout down", "severity": "error", "details": "500s"}""", 201);
        String id = opened.get("id").asString();
        assertThat(opened.get("status").asString()).isEqualTo("TRIGGERED");
        await().atMost(PATIENCE).until(() -> pagesOf(id).size() == 1);

        JsonNode reassigned = call(post("/incidents/{id}/reassign", id), "{\"responderId\": \"%s\"}".formatted(BLAKE), 200);
        assertThat(reassigned.get("assignee").get("responderId").asString()).isEqualTo(BLAKE);
        kafka.publish(Topics.INCIDENT_COMMANDS, new ReassignIncident(id, ALEX,
                Actor.slackUser(BLAKE_SLACK_USER_ID, "blake"), Instant.now()), "command-" + UUID.randomUUID());

        List<PageRequested> pages = await().atMost(PATIENCE).until(() -> pagesOf(id), found -> found.size() == 3);
        assertThat(pages).extracting(page -> page.target().responderId()).containsExactly(ALEX, BLAKE, ALEX);
        assertThat(pages).extracting(PageRequested::level).containsOnly(1);
        await().atMost(PATIENCE).until(() -> eventsOf(id).stream().filter(IncidentReassigned.class::isInstance).count() == 2);
        assertThat(fields(call(post("/incidents/{id}/reassign", id), "{\"responderId\": \"nobody\"}", 400)))
                .containsExactly("responderId");
        assertThat(fields(call(post("/incidents"), "{\"title\": \"x\", \"severity\": \"error\"}", 400)))
                .containsExactly("serviceId");
    }

    @Test
    void aSecondAcknowledgeSaysWhoWasFirstAndAReopenedIncidentPagesLevelOneAgainWithAFreshTimer() throws Exception {
        saveService("reopen-api", null, null);
        String id = call(post("/incidents"), "{\"serviceId\": \"reopen-api\", \"title\": \"Queue stuck\", \"severity\": \"critical\"}", 201)
                .get("id").asString();

        assertThat(call(post("/incidents/{id}/acknowledge", id), null, 200).get("notice").isNull()).isTrue();
        JsonNode again = call(post("/incidents/{id}/acknowledge", id), null, 200);
        assertThat(again.get("notice").asString()).startsWith("already acknowledged by admin at ");
        assertThat(timeline(again)).anyMatch(text -> text.startsWith("Acknowledgement by admin changed nothing"));
        assertThat(call(post("/incidents/{id}/severity", id), "{\"severity\": \"warning\"}", 200)
                .get("severity").asString()).isEqualTo("warning");
        assertThat(call(post("/incidents/{id}/priority", id), "{\"priority\": \"P2\"}", 200)
                .get("priority").asString()).isEqualTo("P2");
        assertThat(fields(call(post("/incidents/{id}/priority", id), "{\"priority\": \"P9\"}", 400))).containsExactly("priority");
        call(post("/incidents/{id}/reopen", id), null, 409);

        call(post("/incidents/{id}/resolve", id), null, 200);
        JsonNode reopened = call(post("/incidents/{id}/reopen", id), "{\"reason\": \"still stuck\"}", 200);

        assertThat(reopened.get("status").asString()).isEqualTo("TRIGGERED");
        assertThat(reopened.get("nextEscalation").get("level").asInt()).isEqualTo(2);
        assertThat(mongo.exists(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(id + ":1:1:2")), "escalation_timers")).isTrue();
        await().atMost(PATIENCE).until(() -> pagesOf(id).size() == 2);
    }

    @Test
    void aDifferentAlertWithinTheGroupingWindowJoinsAndAnAlertFiringAgainAfterResolvingReopensAsFlapping() throws Exception {
        saveService("flappy-api", 10, 10);
        String first = "flappy-latency-" + UUID.randomUUID();
        kafka.publish(Topics.ALERTS, alert("flappy-api", first, Map.of()), "alert-" + UUID.randomUUID());
        String id = await().atMost(PATIENCE).until(() -> list("serviceId", "flappy-api"), found -> found.size() == 1)
                .getFirst().get("id").asString();
        kafka.publish(Topics.ALERTS, alert("flappy-api", "flappy-errors-" + UUID.randomUUID(), Map.of()), "alert-" + UUID.randomUUID());
        await().atMost(PATIENCE).until(() -> incident(id).get("alerts").size() == 2);
        assertThat(timeline(incident(id))).anyMatch(text -> text.contains("(grouped: within 10 min of the incident's first alert"));

        call(post("/incidents/{id}/resolve", id), null, 200);
        kafka.publish(Topics.ALERTS, alert("flappy-api", first, Map.of()), "alert-" + UUID.randomUUID());

        JsonNode reopened = await().atMost(PATIENCE).until(() -> incident(id), found -> found.get("status").asString().equals("TRIGGERED"));
        assertThat(timeline(reopened)).anyMatch(text -> text.startsWith("Flapping: reopened"));
        assertThat(list("serviceId", "flappy-api")).hasSize(1);
        await().atMost(PATIENCE).until(() -> eventsOf(id).stream().anyMatch(event ->
                event instanceof IncidentReopened reopen && reopen.reason().contains("(flapping)")));
        await().atMost(PATIENCE).until(() -> pagesOf(id).size() == 2);
    }

    @Test
    void anAlertmanagerGroupIsOneIncidentPagedOnceThatResolvesWhenEveryAlertOfTheGroupHas() throws Exception {
        saveService("grouped-api", 10, null);
        String group = "grouped-api-alertmanager:{}:{alertname=\"HighLatency\"}";
        List<String> firstFive = dedupKeys(5);
        List<ProducerRecord<byte[], byte[]>> firstNotification = firstFive.stream()
                .map(key -> kafka.record(Topics.ALERTS, alertOfGroup("grouped-api", key, group), "alert-" + UUID.randomUUID()))
                .toList();
        for (ProducerRecord<byte[], byte[]> record : firstNotification) {
            kafka.send(record);
        }
        String id = await().atMost(PATIENCE).until(() -> list("serviceId", "grouped-api"), found -> found.size() == 1)
                .getFirst().get("id").asString();
        await().atMost(PATIENCE).until(() -> incident(id).get("alertCounts").get("total").asInt() == 5);

        List<String> twoMore = dedupKeys(2);
        // Alertmanager's next notification of the group holds every alert of it again, the new ones included.
        for (String key : concat(firstFive, twoMore)) {
            kafka.publish(Topics.ALERTS, alertOfGroup("grouped-api", key, group), "alert-" + UUID.randomUUID());
        }
        for (ProducerRecord<byte[], byte[]> record : firstNotification) { // and a redelivery of the first
            kafka.send(record);
        }
        JsonNode seven = await().atMost(PATIENCE).until(() -> incident(id),
                found -> found.get("alertCounts").get("total").asInt() == 7);
        assertThat(seven.get("group").asString()).isEqualTo(group);
        assertThat(timeline(seven)).anyMatch(text -> text.startsWith("6 more alerts of the group "))
                .noneMatch(text -> text.contains("fired again"));
        for (String key : concat(firstFive, twoMore)) {
            kafka.publish(Topics.ALERTS, new AlertResolved("grouped-api", "grouped-api-alertmanager", key, "Latency normal",
                    Instant.now(), Instant.now(), "{}"), "alert-" + UUID.randomUUID());
        }

        JsonNode resolved = await().atMost(PATIENCE).until(() -> incident(id), found -> found.get("status").asString().equals("RESOLVED"));
        assertThat(resolved.get("resolvedBy").get("id").asString()).isEqualTo("auto-resolve");
        assertThat(list("serviceId", "grouped-api")).hasSize(1);
        assertThat(pagesOf(id)).hasSize(1);
        assertThat(resolved.get("alertCounts").get("firing").asInt()).isZero();
        assertThat(StreamSupport.stream(call(get("/incidents/{id}/alerts", id), null, 200).spliterator(), false))
                .hasSize(7).allMatch(alert -> alert.get("status").asString().equals("resolved"))
                .filteredOn(alert -> firstFive.contains(alert.get("dedupKey").asString()))
                .allMatch(alert -> alert.get("count").asInt() == 2);
    }

    @Test
    void anotherGroupOfTheSameServiceIsAnIncidentOfItsOwnAndAResolvedGroupFiringAgainReopensAsFlapping() throws Exception {
        saveService("two-groups-api", 10, 10);
        String latency = "two-groups-api-alertmanager:{}:{alertname=\"HighLatency\"}";
        String errors = "two-groups-api-alertmanager:{}:{alertname=\"HighErrorRate\"}";
        kafka.publish(Topics.ALERTS, alertOfGroup("two-groups-api", "am:" + UUID.randomUUID(), latency), "alert-" + UUID.randomUUID());
        String latencyId = await().atMost(PATIENCE).until(() -> list("serviceId", "two-groups-api"), found -> found.size() == 1)
                .getFirst().get("id").asString();
        kafka.publish(Topics.ALERTS, alertOfGroup("two-groups-api", "am:" + UUID.randomUUID(), errors), "alert-" + UUID.randomUUID());
        await().atMost(PATIENCE).until(() -> list("serviceId", "two-groups-api").size() == 2);

        call(post("/incidents/{id}/resolve", latencyId), null, 200);
        kafka.publish(Topics.ALERTS, alertOfGroup("two-groups-api", "am:" + UUID.randomUUID(), latency), "alert-" + UUID.randomUUID());

        JsonNode reopened = await().atMost(PATIENCE).until(() -> incident(latencyId),
                found -> found.get("status").asString().equals("TRIGGERED"));
        assertThat(reopened.get("alerts").size()).isEqualTo(2);
        assertThat(list("serviceId", "two-groups-api")).hasSize(2);
        await().atMost(PATIENCE).until(() -> eventsOf(latencyId).stream().anyMatch(event ->
                event instanceof IncidentReopened reopen && reopen.reason().contains("the group fired again")));
    }

    @Test
    void anAlertMatchingASilenceOpensAnIncidentThatPagesNobodyAndSaysWhy() throws Exception {
        JsonNode invalid = call(post("/silences"), """
                {"name": "bad", "matchers": [{"label": "env", "operator": "regex", "value": "stag(ing"}],
                 "startsAt": "2026-01-01T00:00:00Z", "endsAt": "2025-01-01T00:00:00Z"}""", 400);
        assertThat(fields(invalid)).containsExactlyInAnyOrder("endsAt", "matchers[0].value");
        assertThat(fields(call(post("/silences"), """
                {"name": "everything", "startsAt": "2026-01-01T00:00:00Z", "endsAt": "2030-01-01T00:00:00Z"}""", 400)))
                .containsExactly("matchers");
        String silenceId = call(post("/silences"), """
                {"name": "staging noise", "matchers": [{"label": "env", "operator": "regex", "value": "stag.*"}],
                 "startsAt": "%s", "endsAt": "%s"}""".formatted(Instant.now().minusSeconds(60), Instant.now().plusSeconds(3600)), 201)
                .get("id").asString();

        String dedupKey = "staging-disk-" + UUID.randomUUID();
        kafka.publish(Topics.ALERTS, alert("workflow-api", dedupKey, Map.of("env", "staging")), "alert-" + UUID.randomUUID());

        String id = await().atMost(PATIENCE).until(() -> list("serviceId", "workflow-api").stream()
                .filter(found -> found.get("title").asString().equals("Problem " + dedupKey)).toList(), found -> found.size() == 1)
                .getFirst().get("id").asString();
        assertThat(timeline(incident(id))).anyMatch(text -> text.startsWith("Not paged: silence \"staging noise\" matched env=~stag.*"));
        assertThat(incident(id).get("nextEscalation").isNull()).isTrue();
        await().atMost(PATIENCE).until(() -> eventsOf(id).stream().anyMatch(event ->
                event instanceof PagingSuppressed suppressed && suppressed.silenceId().equals(silenceId)));
        assertThat(pagesOf(id)).isEmpty();
        assertThat(call(delete("/silences/{id}", silenceId), null, 200).get("state").asString()).isEqualTo("EXPIRED");
    }

    @Test
    void aLevelWhoseScheduleHasAGapNowSaysSoAndPagesTheNextLevelAtOnceOnceHoweverOftenTheAlertIsDelivered()
            throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Instant gapStart = now.minus(1, ChronoUnit.HOURS);
        Instant gapEnd = now.plus(1, ChronoUnit.HOURS);
        schedules.save(new Schedule("gap-primary", "Gap primary", "UTC", List.of(), List.of(
                new ScheduleOverride(ALEX, gapStart.minus(8, ChronoUnit.HOURS), gapStart),
                new ScheduleOverride(ALEX, gapEnd, gapEnd.plus(8, ChronoUnit.HOURS)))), "it");
        mongo.save(new TechnicalService("gap-api", "Gap API", TEAM, new EscalationPolicy(List.of(
                new EscalationPolicy.Level(List.of(), List.of("gap-primary"), 30),
                new EscalationPolicy.Level(List.of(BLAKE), 30))), true, null, null));
        ProducerRecord<byte[], byte[]> alert = kafka.record(Topics.ALERTS,
                alert("gap-api", "gap-" + UUID.randomUUID(), Map.of()), "alert-" + UUID.randomUUID());
        kafka.send(alert);
        kafka.send(alert);
        String fence = "fence-" + UUID.randomUUID();
        kafka.publish(Topics.ALERTS, alert("workflow-api", fence, Map.of()), "alert-" + UUID.randomUUID());

        String id = await().atMost(PATIENCE).until(() -> list("serviceId", "gap-api"), found -> found.size() == 1)
                .getFirst().get("id").asString();
        List<PageRequested> pages = await().atMost(PATIENCE).until(() -> pagesOf(id), found -> !found.isEmpty());
        await().atMost(PATIENCE).until(() -> list("serviceId", "workflow-api").stream()
                .anyMatch(found -> found.get("title").asString().equals("Problem " + fence)));

        assertThat(pages).singleElement().satisfies(page -> {
            assertThat(page.level()).isEqualTo(2);
            assertThat(page.target().responderId()).isEqualTo(BLAKE);
        });
        assertThat(unroutableOf(id)).singleElement().satisfies(unroutable -> {
            assertThat(unroutable.level()).isEqualTo(1);
            assertThat(unroutable.reason()).isEqualTo(PageUnroutable.SCHEDULE_GAP);
            assertThat(unroutable.scheduleId()).isEqualTo("gap-primary");
            assertThat(unroutable.scheduleName()).isEqualTo("Gap primary");
            assertThat(unroutable.gapStart()).isEqualTo(gapStart);
            assertThat(unroutable.gapEnd()).isEqualTo(gapEnd);
        });
        JsonNode incident = incident(id);
        assertThat(timeline(incident)).anyMatch(text -> text.startsWith("Level 1: nobody on call in Gap primary from "));
        assertThat(incident.get("escalationLevel").asInt()).isEqualTo(2);
        assertThat(pagesOf(id)).hasSize(1);
        assertThat(unroutableOf(id)).hasSize(1);
        assertThat(meters.counter("oncallhq.pages.unroutable", "service", "gap-api", "reason", "schedule-gap").count())
                .isEqualTo(1);
    }

    @Test
    void theListFiltersByTypedFieldsAndPagesWithACursorThatOnlyFitsItsOwnFilters() throws Exception {
        saveService("listing-api", null, null);
        for (int i = 0; i < 3; i++) {
            call(post("/incidents"), "{\"serviceId\": \"listing-api\", \"title\": \"Listed " + i + "\", \"severity\": \"info\"}", 201);
        }
        MvcResult firstPage = mvc.perform(get("/incidents").param("serviceId", "listing-api").param("limit", "2"))
                .andExpect(status().isOk()).andReturn();
        assertThat(body(firstPage)).hasSize(2);
        String next = firstPage.getResponse().getHeader("Link");
        assertThat(next).endsWith("; rel=\"next\"");
        String cursor = next.substring(next.indexOf("cursor=") + 7, next.indexOf('>'));

        MvcResult secondPage = mvc.perform(get("/incidents").param("serviceId", "listing-api").param("limit", "2")
                .param("cursor", cursor)).andExpect(status().isOk()).andReturn();
        assertThat(body(secondPage)).singleElement().satisfies(last -> assertThat(last.get("title").asString()).isEqualTo("Listed 0"));
        assertThat(secondPage.getResponse().getHeader("Link")).isNull();
        assertThat(list("teamId", TEAM, "severity", "info", "serviceId", "listing-api")).hasSize(3);
        assertThat(list("severity", "critical", "serviceId", "listing-api")).isEmpty();
        assertThat(fields(body(mvc.perform(get("/incidents").param("serviceId", "workflow-api").param("cursor", cursor))
                .andExpect(status().isBadRequest()).andReturn()))).containsExactly("cursor");
        assertThat(fields(body(mvc.perform(get("/incidents").param("severity", "{\"$ne\":null}"))
                .andExpect(status().isBadRequest()).andReturn()))).containsExactly("severity");

        JsonNode metrics = body(mvc.perform(get("/metrics/response").param("serviceId", "listing-api"))
                .andExpect(status().isOk()).andReturn());
        assertThat(metrics.get("services").get(0).get("incidents").asInt()).isEqualTo(3);
        assertThat(metrics.get("responders").get(0).get("pages").asInt()).isEqualTo(3);
    }

    @Test
    void openListsTriggeredAndAcknowledgedIncidentsWhateverCameAfterThem() throws Exception {
        saveService("open-list-api", null, null);
        String triggered = call(post("/incidents"), "{\"serviceId\": \"open-list-api\", \"title\": \"Still firing\", \"severity\": \"error\"}", 201)
                .get("id").asString();
        String acknowledged = call(post("/incidents"), "{\"serviceId\": \"open-list-api\", \"title\": \"Looked at\", \"severity\": \"error\"}", 201)
                .get("id").asString();
        call(post("/incidents/{id}/acknowledge", acknowledged), null, 200);
        String resolved = call(post("/incidents"), "{\"serviceId\": \"open-list-api\", \"title\": \"Over\", \"severity\": \"error\"}", 201)
                .get("id").asString();
        call(post("/incidents/{id}/resolve", resolved), null, 200);

        assertThat(list("status", "open", "serviceId", "open-list-api")).extracting(incident -> incident.get("id").asString())
                .containsExactly(acknowledged, triggered);
        assertThat(list("status", "OPEN", "serviceId", "open-list-api")).hasSize(2);
        assertThat(list("status", "resolved", "serviceId", "open-list-api")).extracting(incident -> incident.get("id").asString())
                .containsExactly(resolved);
        assertThat(body(mvc.perform(get("/incidents").param("status", "closed")).andExpect(status().isBadRequest())
                .andReturn()).get("errors").get(0).get("message").asString()).contains("open");
    }

    private void saveService(String id, Integer groupingWindowMinutes, Integer flapHoldOpenMinutes) {
        mongo.save(new TechnicalService(id, id, TEAM, new EscalationPolicy(List.of(
                new EscalationPolicy.Level(List.of(ALEX), 5), new EscalationPolicy.Level(List.of(BLAKE), 5))),
                true, groupingWindowMinutes, flapHoldOpenMinutes));
    }

    private static AlertTriggered alert(String serviceId, String dedupKey, Map<String, String> labels) {
        return new AlertTriggered(serviceId, serviceId + "-generic", "generic", dedupKey, null, "Problem " + dedupKey,
                Severity.CRITICAL, "host-1", labels, Map.of(), Map.of(), List.of(), Instant.now(), Instant.now(), "{}");
    }

    /** As alert-ingest publishes an alert of an Alertmanager group on an integration grouping by the sender's group. */
    private static AlertTriggered alertOfGroup(String serviceId, String dedupKey, String group) {
        return new AlertTriggered(serviceId, serviceId + "-alertmanager", "alertmanager", dedupKey,
                group.substring(group.indexOf(':') + 1), "High latency on " + dedupKey, Severity.CRITICAL, dedupKey,
                Map.of("alertname", "HighLatency"), Map.of(), Map.of(), List.of(), Instant.now(), Instant.now(), "{}",
                group);
    }

    private static List<String> dedupKeys(int count) {
        return IntStream.range(0, count).mapToObj(i -> "alertmanager:v1:" + UUID.randomUUID()).toList();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }

    private List<JsonNode> list(String... parameters) throws Exception {
        MockHttpServletRequestBuilder request = get("/incidents").param("limit", "500");
        for (int i = 0; i < parameters.length; i += 2) {
            request.param(parameters[i], parameters[i + 1]);
        }
        return StreamSupport.stream(body(mvc.perform(request).andExpect(status().isOk()).andReturn()).spliterator(), false)
                .toList();
    }
}
