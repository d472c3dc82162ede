package io.oncallhq.incident;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.oncallhq.apisecurity.TestTokens;
import io.oncallhq.contracts.Actor;
import io.oncallhq.contracts.Severity;
import io.oncallhq.contracts.Topics;
import io.oncallhq.contracts.alert.AlertResolved;
import io.oncallhq.contracts.alert.AlertTriggered;
import io.oncallhq.contracts.command.AcknowledgeIncident;
import io.oncallhq.contracts.incident.IncidentAcknowledged;
import io.oncallhq.contracts.incident.IncidentResolved;
import io.oncallhq.contracts.incident.IncidentTriggered;
import io.oncallhq.contracts.page.PageDelivered;
import io.oncallhq.contracts.page.PageRequested;
import io.oncallhq.incident.directory.Responder;
import io.oncallhq.localruntime.EventTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The demo's Checkout API driven through Kafka and HTTP: alerts open, page and resolve incidents, Slack users and
 * personal tokens act as their responders, schedules are written and read over REST.
 */
class IncidentServiceIT extends RunningIncidentService {

    @Autowired
    MeterRegistry meters;

    @Test
    void anAlertOpensOneIncidentAndPagesAlexWhileRepeatsAndRedeliveriesPageNobodyAgain() throws Exception {
        String dedupKey = "checkout-latency-" + UUID.randomUUID();
        double openedBefore = incidentsOpened("checkout-api");
        ProducerRecord<byte[], byte[]> first = kafka.record(Topics.ALERTS, alert("checkout-api", dedupKey), "alert-" + UUID.randomUUID());
        kafka.send(first);

        String incidentId = awaitIncidentOpenedBy(dedupKey);
        JsonNode incident = incident(incidentId);
        assertThat(incident.get("status").asString()).isEqualTo("TRIGGERED");
        assertThat(incident.get("serviceId").asString()).isEqualTo("checkout-api");
        assertThat(incident.get("alerts").get(0).get("count").asInt()).isEqualTo(1);
        assertThat(timeline(incident)).anyMatch(text -> text.contains("opened by alert " + dedupKey))
                .anyMatch(text -> text.contains("Paging Alex Rivera (level 1)"));

        PageRequested page = await().atMost(PATIENCE).until(() -> pagesOf(incidentId), pages -> pages.size() == 1).getFirst();
        assertThat(page.level()).isEqualTo(1);
        assertThat(page.target().responderId()).isEqualTo("alex");
        assertThat(page.target().slackUserId()).isEqualTo(DEMO_SLACK_USER_ID);
        assertThat(page.target().email()).isEqualTo("alex@example.com");
        assertThat(page.incidentUrl()).isEqualTo(INCIDENT_SERVICE_URL + "/incidents/" + incidentId);
        assertThat(incident.get("pages").get(0).get("pageId").asString()).isEqualTo(page.pageId());
        await().atMost(PATIENCE).until(() -> eventsOf(incidentId).stream()
                .anyMatch(event -> event instanceof IncidentTriggered triggered && triggered.number() > 0));

        kafka.publish(Topics.ALERTS, alert("checkout-api", dedupKey), "alert-" + UUID.randomUUID());
        await().atMost(PATIENCE).until(() -> incident(incidentId).get("alerts").get(0).get("count").asInt() == 2);
        awaitOutboxRelayed(incidentId);
        int timelineLength = incident(incidentId).get("timeline").size();

        kafka.send(first);
        await().atMost(PATIENCE).until(() -> kafka.consumedAll(CONSUMER_GROUP, Topics.ALERTS));
        awaitOutboxRelayed(incidentId);

        assertThat(incidentsWithAlert(dedupKey)).hasSize(1);
        assertThat(incident(incidentId).get("alerts").get(0).get("count").asInt()).isEqualTo(2);
        assertThat(incident(incidentId).get("timeline").size()).isEqualTo(timelineLength);
        assertThat(pagesOf(incidentId)).hasSize(1);
        assertThat(incidentsOpened("checkout-api")).as("oncallhq.incidents.opened counts the incident once")
                .isEqualTo(openedBefore + 1);
    }

    @Test
    void aPageDeliveredInADigestSaysSoOnTheTimelineOnceEvenWhenRedelivered() throws Exception {
        String dedupKey = "checkout-storm-" + UUID.randomUUID();
        kafka.publish(Topics.ALERTS, alert("checkout-api", dedupKey), "alert-" + UUID.randomUUID());
        String incidentId = awaitIncidentOpenedBy(dedupKey);
        PageRequested page = await().atMost(PATIENCE).until(() -> pagesOf(incidentId), pages -> !pages.isEmpty())
                .getFirst();
        String line = "Paged Alex Rivera in a digest of 12 incidents on Checkout API: slack D0ALEX";

        ProducerRecord<byte[], byte[]> delivered = kafka.record(Topics.PAGE_OUTCOMES, new PageDelivered(page.pageId(),
                incidentId, "slack", "D0ALEX", "1732267000.000100", Instant.now(),
                "digest of 12 incidents on Checkout API"), "outcome-" + UUID.randomUUID());
        kafka.send(delivered);
        kafka.send(delivered);

        await().atMost(PATIENCE).until(() -> timeline(incident(incidentId)).contains(line));
        await().atMost(PATIENCE).until(() -> kafka.consumedAll(CONSUMER_GROUP, Topics.PAGE_OUTCOMES));
        assertThat(timeline(incident(incidentId))).containsOnlyOnce(line);
    }

    private double incidentsOpened(String serviceId) {
        Counter opened = meters.find("oncallhq.incidents.opened").tag("service", serviceId).counter();
        return opened == null ? 0 : opened.count();
    }

    @Test
    void aSlackUserWhoIsAResponderAcknowledgesAsThatResponder() throws Exception {
        String dedupKey = "checkout-errors-" + UUID.randomUUID();
        kafka.publish(Topics.ALERTS, alert("checkout-api", dedupKey), "alert-" + UUID.randomUUID());
        String incidentId = awaitIncidentOpenedBy(dedupKey);

        kafka.publish(Topics.INCIDENT_COMMANDS, new AcknowledgeIncident(incidentId,
                Actor.slackUser(DEMO_SLACK_USER_ID, "alex.r"), Instant.now()), "command-" + UUID.randomUUID());

        JsonNode acknowledged = await().atMost(PATIENCE).until(() -> incident(incidentId),
                found -> found.get("status").asString().equals("ACKNOWLEDGED"));
        assertThat(acknowledged.get("acknowledgedBy").get("kind").asString()).isEqualTo(Actor.RESPONDER);
        assertThat(acknowledged.get("acknowledgedBy").get("id").asString()).isEqualTo("alex");
        assertThat(acknowledged.get("acknowledgedBy").get("name").asString()).isEqualTo("Alex Rivera");
        IncidentAcknowledged event = await().atMost(PATIENCE).until(() -> eventsOf(incidentId).stream()
                .filter(IncidentAcknowledged.class::isInstance).map(IncidentAcknowledged.class::cast).toList(),
                events -> events.size() == 1).getFirst();
        assertThat(event.by()).isEqualTo(Actor.responder("alex", "Alex Rivera"));
    }

    @Test
    void respondersAcknowledgeAndResolveOverRestAndASecondResolveConflicts() throws Exception {
        String dedupKey = "checkout-disk-" + UUID.randomUUID();
        kafka.publish(Topics.ALERTS, alert("checkout-api", dedupKey), "alert-" + UUID.randomUUID());
        String incidentId = awaitIncidentOpenedBy(dedupKey);

        JsonNode acknowledged = body(mvc.perform(post("/incidents/{id}/acknowledge", incidentId))
                .andExpect(status().isOk()).andReturn());
        assertThat(acknowledged.get("status").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(acknowledged.get("acknowledgedBy").get("kind").asString()).isEqualTo(Actor.API);

        JsonNode blankNote = body(mvc.perform(post("/incidents/{id}/notes", incidentId)
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\" \"}"))
                .andExpect(status().isBadRequest()).andReturn());
        assertThat(blankNote.get("errors").get(0).get("field").asString()).isEqualTo("text");
        mvc.perform(post("/incidents/{id}/notes", incidentId)
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"Rolled back the deploy\"}"))
                .andExpect(status().isOk());

        JsonNode resolved = body(mvc.perform(post("/incidents/{id}/resolve", incidentId))
                .andExpect(status().isOk()).andReturn());
        assertThat(resolved.get("status").asString()).isEqualTo("RESOLVED");
        assertThat(timeline(resolved)).contains("Rolled back the deploy");

        MvcResult again = mvc.perform(post("/incidents/{id}/resolve", incidentId)).andExpect(status().isConflict()).andReturn();
        assertThat(again.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        mvc.perform(post("/incidents/{id}/acknowledge", incidentId)).andExpect(status().isConflict());
        mvc.perform(get("/incidents/{id}", "no-such-incident")).andExpect(status().isNotFound());
        await().atMost(PATIENCE).until(() -> eventsOf(incidentId).stream()
                .anyMatch(event -> event instanceof IncidentResolved byApi && byApi.by().kind().equals(Actor.API)));
    }

    @Test
    void aPersonalTokenActsAsItsResponderAndABodyNamingAnotherActorIsRefused() throws Exception {
        String dedupKey = "checkout-queue-" + UUID.randomUUID();
        kafka.publish(Topics.ALERTS, alert("checkout-api", dedupKey), "alert-" + UUID.randomUUID());
        String incidentId = awaitIncidentOpenedBy(dedupKey);
        String alexToken = "Bearer " + TestTokens.of("alex");

        JsonNode claimed = body(mvc.perform(post("/incidents/{id}/notes", incidentId)
                .header(HttpHeaders.AUTHORIZATION, alexToken).contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"Rolled back\",\"by\":{\"kind\":\"responder\",\"id\":\"sam\"}}"))
                .andExpect(status().isBadRequest()).andReturn());
        JsonNode acknowledged = body(mvc.perform(post("/incidents/{id}/acknowledge", incidentId)
                .header(HttpHeaders.AUTHORIZATION, alexToken)).andExpect(status().isOk()).andReturn());

        assertThat(claimed.get("errors").get(0).get("field").asString()).isEqualTo("by");
        assertThat(timeline(acknowledged)).doesNotContain("Rolled back");
        assertThat(acknowledged.get("acknowledgedBy").get("kind").asString()).isEqualTo(Actor.RESPONDER);
        assertThat(acknowledged.get("acknowledgedBy").get("id").asString()).isEqualTo("alex");
    }

    @Test
    void whenItsLastAlertResolvesTheIncidentResolvesItselfAndARedeliveredTriggerOpensNoNewOne() throws Exception {
        String dedupKey = "checkout-cpu-" + UUID.randomUUID();
        ProducerRecord<byte[], byte[]> trigger = kafka.record(Topics.ALERTS, alert("checkout-api", dedupKey), "alert-" + UUID.randomUUID());
        kafka.send(trigger);
        String incidentId = awaitIncidentOpenedBy(dedupKey);

        kafka.publish(Topics.ALERTS, new AlertResolved("checkout-api", "checkout-api-generic", dedupKey, "CPU back to normal",
                Instant.now(), Instant.now(), "{}"), "alert-" + UUID.randomUUID());

        JsonNode resolved = await().atMost(PATIENCE).until(() -> incident(incidentId),
                found -> found.get("status").asString().equals("RESOLVED"));
        assertThat(resolved.get("resolvedBy").get("id").asString()).isEqualTo("auto-resolve");
        kafka.send(trigger);
        await().atMost(PATIENCE).until(() -> kafka.consumedAll(CONSUMER_GROUP, Topics.ALERTS));
        assertThat(incidentsWithAlert(dedupKey)).hasSize(1);
    }

    @Test
    void theResolveCarriesTheTraceOfTheAlertThatOpenedTheIncidentWhileItTravelsInItsOwn() throws Exception {
        String dedupKey = "checkout-disk-" + UUID.randomUUID();
        String alertTrace = "4bf92f3577b34da6a3ce929d0e0e4736";
        String resolveTrace = "0af7651916cd43dd8448eb211c80319c";
        kafka.send(traced(kafka.record(Topics.ALERTS, alert("checkout-api", dedupKey), "alert-" + UUID.randomUUID()),
                alertTrace));
        String incidentId = awaitIncidentOpenedBy(dedupKey);

        kafka.send(traced(kafka.record(Topics.ALERTS, new AlertResolved("checkout-api", "checkout-api-generic", dedupKey,
                "Disk space freed", Instant.now(), Instant.now(), "{}"), "alert-" + UUID.randomUUID()), resolveTrace));

        ConsumerRecord<byte[], byte[]> resolved = await().atMost(PATIENCE).until(() -> kafka.readAll(Topics.INCIDENTS)
                .stream().filter(record -> EventTopics.header(record, "ce_type").orElse("").equals("incident.resolved.v1")
                        && EventTopics.header(record, "ce_subject").orElse("").equals(incidentId))
                .findFirst(), Optional::isPresent).orElseThrow();
        assertThat(EventTopics.header(resolved, "traceparent")).hasValueSatisfying(
                traceparent -> assertThat(traceparent).startsWith("00-" + resolveTrace + "-"));
        assertThat(eventsOf(incidentId)).filteredOn(IncidentResolved.class::isInstance)
                .singleElement().extracting(event -> ((IncidentResolved) event).openingTraceparent()).asString()
                .startsWith("00-" + alertTrace + "-");
    }

    @Test
    void anAlertForAnUnknownServiceEndsOnTheDeadLetterTopic() throws Exception {
        String eventId = "alert-" + UUID.randomUUID();
        kafka.publish(Topics.ALERTS, alert("no-such-service", "whatever"), eventId);

        await().atMost(PATIENCE).until(() -> kafka.readAll(Topics.deadLetter(Topics.ALERTS)).stream()
                .anyMatch(record -> EventTopics.header(record, "ce_id").orElse("").equals(eventId)));
        assertThat(body(mvc.perform(get("/incidents").param("serviceId", "no-such-service")).andReturn())).isEmpty();
    }

    @Test
    void theDemoOnCallModelIsReadable() throws Exception {
        JsonNode service = body(mvc.perform(get("/services/checkout-api")).andExpect(status().isOk()).andReturn());
        assertThat(service.get("teamId").asString()).isEqualTo("payments");
        assertThat(service.get("escalationPolicy").get(0).get("scheduleIds").get(0).asString())
                .isEqualTo("payments-primary");
        JsonNode onCall = body(mvc.perform(get("/schedules/payments-primary/oncall")).andExpect(status().isOk()).andReturn());
        assertThat(onCall.get("responderId").asString()).isEqualTo("alex");
        assertThat(service.get("autoResolve").asBoolean()).isTrue();
        JsonNode responders = body(mvc.perform(get("/responders")).andExpect(status().isOk()).andReturn());
        assertThat(StreamSupport.stream(responders.spliterator(), false)
                .filter(responder -> responder.get("id").asString().equals("alex")))
                .singleElement().satisfies(alex ->
                        assertThat(alex.get("slackUserId").asString()).isEqualTo(DEMO_SLACK_USER_ID));
        mvc.perform(get("/services/no-such-service")).andExpect(status().isNotFound());
    }

    @Test
    void aScheduleSavedOverRestAnswersWhoIsOnCallAndKeepsItsNineOClockHandoffAcrossSpringForward() throws Exception {
        mongo.save(new Responder("berlin-blake", "Blake Chen", "blake@example.com", "Europe/Berlin", "U0BERLINBLAKE"));
        String daily = """
                {"name": "Berlin daily", "timeZone": "Europe/Berlin",
                 "layers": [{"name": "daily", "participants": ["alex", "berlin-blake"], "shiftLength": 1, "unit": "DAYS",
                             "handoffTime": "09:00", "startDate": "2026-03-01"}],
                 "overrides": [{"responderId": "alex", "start": "2026-03-30T12:00:00Z", "end": "2026-03-30T13:00:00Z"}]}
                """;
        mvc.perform(put("/schedules/berlin-daily").contentType(MediaType.APPLICATION_JSON).content(daily))
                .andExpect(status().isOk());

        JsonNode onCall = body(mvc.perform(get("/schedules/berlin-daily/oncall").param("at", "2026-03-29T06:59:00Z"))
                .andExpect(status().isOk()).andReturn());
        assertThat(onCall.get("responderId").asString()).isEqualTo("berlin-blake");
        JsonNode shifts = body(mvc.perform(get("/schedules/berlin-daily/shifts")
                        .param("from", "2026-03-28T08:00:00Z").param("to", "2026-03-30T14:00:00Z"))
                .andExpect(status().isOk()).andReturn());
        assertThat(StreamSupport.stream(shifts.spliterator(), false)
                .map(shift -> shift.get("responderId").asString() + " " + shift.get("start").asString()).toList())
                .containsExactly("berlin-blake 2026-03-28T08:00:00Z", "alex 2026-03-29T07:00:00Z",
                        "berlin-blake 2026-03-30T07:00:00Z", "alex 2026-03-30T12:00:00Z",
                        "berlin-blake 2026-03-30T13:00:00Z");
        MvcResult ical = mvc.perform(get("/schedules/berlin-daily/ical")
                        .param("from", "2026-03-28T00:00:00Z").param("to", "2026-03-31T00:00:00Z"))
                .andExpect(status().isOk()).andReturn();
        assertThat(ical.getResponse().getContentType()).startsWith("text/calendar");
        assertThat(ical.getResponse().getContentAsString()).contains("BEGIN:VTIMEZONE", "TZID:Europe/Berlin",
                "DTSTART;TZID=Europe/Berlin:20260329T090000");
        mvc.perform(get("/schedules/no-such-schedule/oncall")).andExpect(status().isNotFound());
    }

    @Test
    void anInvalidScheduleIsRejectedWithEveryFieldAtFault() throws Exception {
        String invalid = """
                {"name": " ", "timeZone": "Europe/Atlantis",
                 "layers": [{"participants": ["alex"], "shiftLength": 0, "handoffTime": "09:00", "startDate": "2026-03-01"}]}
                """;
        MvcResult result = mvc.perform(put("/schedules/broken").contentType(MediaType.APPLICATION_JSON).content(invalid))
                .andExpect(status().isBadRequest()).andReturn();
        assertThat(result.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(StreamSupport.stream(body(result).get("errors").spliterator(), false)
                .map(error -> error.get("field").asString()).toList())
                .containsExactlyInAnyOrder("name", "timeZoneKnown", "layers[0].shiftLength", "layers[0].unit");

        String unknownResponder = daily("nobody");
        JsonNode unknown = body(mvc.perform(put("/schedules/broken").contentType(MediaType.APPLICATION_JSON)
                .content(unknownResponder)).andExpect(status().isBadRequest()).andReturn());
        assertThat(unknown.get("errors").get(0).get("field").asString()).isEqualTo("layers[0].participants[0]");
        mvc.perform(get("/schedules/broken")).andExpect(status().isNotFound());
    }

    @Test
    void escalatingOverRestBeyondTheLastLevelSaysSoOnTheTimeline() throws Exception {
        String dedupKey = "checkout-mem-" + UUID.randomUUID();
        kafka.publish(Topics.ALERTS, alert("checkout-api", dedupKey), "alert-" + UUID.randomUUID());
        String incidentId = awaitIncidentOpenedBy(dedupKey);

        JsonNode escalated = body(mvc.perform(post("/incidents/{id}/escalate", incidentId))
                .andExpect(status().isOk()).andReturn());

        assertThat(timeline(escalated)).anyMatch(text -> text.contains("the policy has no level 2"));
        assertThat(escalated.get("escalationLevel").asInt()).isEqualTo(1);
        mvc.perform(post("/incidents/{id}/escalate", "no-such-incident")).andExpect(status().isNotFound());
    }

    private static String daily(String participant) {
        return """
                {"name": "Daily", "timeZone": "Europe/Berlin",
                 "layers": [{"participants": ["%s"], "shiftLength": 1, "unit": "DAYS", "handoffTime": "09:00",
                             "startDate": "2026-03-01"}]}
                """.formatted(participant);
    }

    /** The record as a monitoring system's request in that trace would have it sent by alert-ingest. */
    private static ProducerRecord<byte[], byte[]> traced(ProducerRecord<byte[], byte[]> record, String traceId) {
        record.headers().add("traceparent", ("00-" + traceId + "-00f067aa0ba902b7-01").getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static AlertTriggered alert(String serviceId, String dedupKey) {
        return new AlertTriggered(serviceId, "checkout-api-generic", "generic", dedupKey, null,
                "Problem " + dedupKey, Severity.CRITICAL, "checkout-1", Map.of("env", "prod"), Map.of(), Map.of(),
                List.of(), Instant.now(), Instant.now(), "{}");
    }

    private String awaitIncidentOpenedBy(String dedupKey) {
        return await().atMost(PATIENCE).until(() -> incidentsWithAlert(dedupKey), found -> found.size() == 1)
                .getFirst().get("id").asString();
    }

    private List<JsonNode> incidentsWithAlert(String dedupKey) throws Exception {
        JsonNode all = body(mvc.perform(get("/incidents").param("serviceId", "checkout-api").param("limit", "500"))
                .andExpect(status().isOk()).andReturn());
        return StreamSupport.stream(all.spliterator(), false)
                .filter(incident -> incident.get("title").asString().equals("Problem " + dedupKey))
                .toList();
    }

    /** Everything the incident's saves put in its outbox has been published (the relay sends synchronously). */
    private void awaitOutboxRelayed(String incidentId) {
        await().atMost(PATIENCE).until(() -> {
            Document stored = mongo.findById(incidentId, Document.class, "incidents");
            return stored != null && stored.getList("outbox", Document.class, List.of()).isEmpty();
        });
    }
}
