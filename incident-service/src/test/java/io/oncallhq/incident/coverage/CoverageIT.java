package io.oncallhq.incident.coverage;

import io.oncallhq.contracts.Topics;
import io.oncallhq.contracts.cloudevents.ReceivedEvent;
import io.oncallhq.contracts.page.PageEvent;
import io.oncallhq.contracts.page.PageUnroutable;
import io.oncallhq.incident.RunningIncidentService;
import io.oncallhq.incident.directory.Responder;
import io.oncallhq.localruntime.EventTopics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Coverage gaps found ahead (GET /services/{id}/coverage, warnings on on-call writes) are the gaps paging then runs
 * into, on a real KRaft broker and an in-memory MongoDB-wire server.
 */
@RunningIncidentService
class CoverageIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final MediaType YAML = MediaType.parseMediaType("application/yaml");


    @Autowired
    MockMvc mvc;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    MongoTemplate mongo;

    private final JsonMapper json = JsonMapper.builder().build();
    private EventTopics kafka;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    private final Instant gapStart = now.minus(1, ChronoUnit.HOURS);
    private final Instant gapEnd = now.plus(1, ChronoUnit.HOURS);

    @BeforeEach
    void connect() throws Exception {
        kafka = new EventTopics(broker.getBrokersAsString(), "coverage-it");
        mongo.save(new Responder("alex", "Alex Rivera", "alex@example.com", "UTC", "U0ALEX"));
        call(put("/teams/{id}", "payments"), "{\"name\": \"Payments\", \"members\": [\"alex\"]}", 200);
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    @Test
    void theGapCoverageListsIsTheGapAnIncidentThenRunsIntoOnTheTopicAndTheTimeline() throws Exception {
        call(put("/schedules/{id}", "nights"), scheduleWithGap("Nights"), 200);
        call(put("/services/{id}", "nights-api"), serviceOn("Nights API", "nights"), 200);

        JsonNode coverage = call(get("/services/{id}/coverage", "nights-api")
                .param("from", gapStart.minus(8, ChronoUnit.HOURS).toString())
                .param("to", gapEnd.plus(8, ChronoUnit.HOURS).toString()), null, 200);

        assertThat(coverage.get("gaps")).singleElement().satisfies(gap -> {
            assertThat(gap.get("level").asInt()).isEqualTo(1);
            assertThat(Instant.parse(gap.get("start").asString())).isEqualTo(gapStart);
            assertThat(Instant.parse(gap.get("end").asString())).isEqualTo(gapEnd);
            assertThat(gap.get("reason").asString()).isEqualTo(PageUnroutable.SCHEDULE_GAP);
            assertThat(gap.get("schedules").get(0).get("name").asString()).isEqualTo("Nights");
        });

        String id = call(post("/incidents"), """
                {"serviceId": "nights-api", "title": "Night outage", "severity": "critical"}""", 201)
                .get("id").asString();

        PageUnroutable unroutable = await().atMost(PATIENCE).until(() -> unroutableOf(id), found -> !found.isEmpty())
                .getFirst();
        assertThat(unroutable.level()).isEqualTo(1);
        assertThat(unroutable.gapStart()).isEqualTo(gapStart);
        assertThat(unroutable.gapEnd()).isEqualTo(gapEnd);
        assertThat(texts(call(get("/incidents/{id}", id), null, 200)))
                .anyMatch(text -> text.startsWith("Level 1: nobody on call in Nights from "));
    }

    @Test
    void writesThatLeaveAGapAnswerItAsAWarningAndStillWriteWhileFullCoverageWarnsOfNothing() throws Exception {
        call(put("/schedules/{id}", "late"), scheduleWithGap("Late"), 200);

        JsonNode service = call(put("/services/{id}", "late-api"), serviceOn("Late API", "late"), 200);
        assertThat(service.get("warnings")).singleElement().satisfies(warning -> {
            assertThat(warning.get("serviceId").asString()).isEqualTo("late-api");
            assertThat(warning.get("level").asInt()).isEqualTo(1);
            assertThat(Instant.parse(warning.get("start").asString())).isBetween(gapStart, gapEnd);
            assertThat(Instant.parse(warning.get("end").asString())).isEqualTo(gapEnd);
            assertThat(warning.get("message").asString()).startsWith("Late API, level 1: nobody on call from ")
                    .endsWith(" UTC (Late)");
        });
        JsonNode stored = call(get("/services/{id}", "late-api"), null, 200);
        assertThat(stored.has("warnings")).isFalse();
        assertThat(stored.get("repeat").asInt()).isZero();

        JsonNode covered = call(put("/schedules/{id}", "late"), """
                {"name": "Late", "timeZone": "UTC", "layers": [{"name": "Daily", "participants": ["alex"],
                 "shiftLength": 1, "unit": "DAYS", "handoffTime": "09:00", "startDate": "2026-01-01"}]}""", 200);
        assertThat(covered.get("warnings")).isEmpty();

        JsonNode reverted = call(put("/schedules/{id}", "late"), scheduleWithGap("Late"), 200);
        assertThat(reverted.get("warnings")).extracting(warning -> warning.get("serviceId").asString())
                .containsExactly("late-api");

        JsonNode serviceOnly = dryRun("""
                services:
                  late-api:
                    name: Late API again
                    teamId: payments
                    escalationPolicy:
                      levels:
                        - scheduleIds: [late]
                          delayMinutes: 15
                      repeat: 0
                """);
        assertThat(serviceOnly.get("warnings")).extracting(warning -> warning.get("message").asString())
                .singleElement().asString().startsWith("Late API again, level 1: nobody on call from ");

        JsonNode coveringSchedule = dryRun("""
                schedules:
                  late:
                    name: Late
                    timeZone: UTC
                    layers:
                      - name: Daily
                        participants: [alex]
                        shiftLength: 1
                        unit: DAYS
                        handoffTime: "09:00"
                        startDate: "2026-01-01"
                """);
        assertThat(coveringSchedule.get("warnings")).isEmpty();
    }

    private JsonNode dryRun(String yaml) throws Exception {
        return body(mvc.perform(post("/oncall-config").param("dryRun", "true").contentType(YAML).content(yaml))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    /**
     * Alex covers the 8 hours before {@code gapStart} and 40 days from {@code gapEnd} on: nobody in between (the
     * weekly layer starts years later).
     */
    private String scheduleWithGap(String name) {
        return """
                {"name": "%s", "timeZone": "UTC", "layers": [{"name": "Later", "participants": ["alex"],
                 "shiftLength": 1, "unit": "WEEKS", "handoffTime": "09:00", "startDate": "2030-01-01"}],
                 "overrides": [
                  {"responderId": "alex", "start": "%s", "end": "%s"},
                  {"responderId": "alex", "start": "%s", "end": "%s"}]}"""
                .formatted(name, gapStart.minus(8, ChronoUnit.HOURS), gapStart, gapEnd, gapEnd.plus(40, ChronoUnit.DAYS));
    }

    /** Without {@code repeat}: a policy that runs once needs not say so. */
    private static String serviceOn(String name, String scheduleId) {
        return """
                {"name": "%s", "teamId": "payments", "escalationPolicy": {"levels": [
                  {"scheduleIds": ["%s"], "delayMinutes": 15}]}}""".formatted(name, scheduleId);
    }

    private JsonNode call(MockHttpServletRequestBuilder request, String content, int expectedStatus) throws Exception {
        if (content != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(content);
        }
        var response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(expectedStatus);
        return body(response.getContentAsString());
    }

    private JsonNode body(String content) {
        return json.readTree(content);
    }

    private static List<String> texts(JsonNode incident) {
        return StreamSupport.stream(incident.get("timeline").spliterator(), false)
                .map(entry -> entry.get("text").asString()).toList();
    }

    private List<PageUnroutable> unroutableOf(String incidentId) {
        return kafka.events(Topics.PAGES, PageEvent.class).stream().map(ReceivedEvent::data)
                .filter(page -> page.incidentId().equals(incidentId))
                .filter(PageUnroutable.class::isInstance).map(PageUnroutable.class::cast).toList();
    }
}
