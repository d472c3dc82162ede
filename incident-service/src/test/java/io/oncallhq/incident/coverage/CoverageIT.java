package io.oncallhq.incident.coverage;

import io.oncallhq.contracts.page.PageUnroutable;
import io.oncallhq.incident.RunningIncidentService;
import io.oncallhq.incident.directory.Responder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

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
class CoverageIT extends RunningIncidentService {

    private static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    private final Instant gapStart = now.minus(1, ChronoUnit.HOURS);
    private final Instant gapEnd = now.plus(1, ChronoUnit.HOURS);

    @BeforeEach
    void saveTeam() throws Exception {
        mongo.save(new Responder("coverage-alex", "Alex Rivera", "alex@example.com", "UTC", "U0COVERAGEALEX"));
        call(put("/teams/{id}", "coverage"), "{\"name\": \"Coverage\", \"members\": [\"coverage-alex\"]}", 200);
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
        assertThat(timeline(incident(id)))
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
                {"name": "Late", "timeZone": "UTC", "layers": [{"name": "Daily", "participants": ["coverage-alex"],
                 "shiftLength": 1, "unit": "DAYS", "handoffTime": "09:00", "startDate": "2026-01-01"}]}""", 200);
        assertThat(covered.get("warnings")).isEmpty();

        JsonNode reverted = call(put("/schedules/{id}", "late"), scheduleWithGap("Late"), 200);
        assertThat(reverted.get("warnings")).extracting(warning -> warning.get("serviceId").asString())
                .containsExactly("late-api");

        JsonNode serviceOnly = dryRun("""
                services:
                  late-api:
                    name: Late API again
                    teamId: coverage
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
                        participants: [coverage-alex]
                        shiftLength: 1
                        unit: DAYS
                        handoffTime: "09:00"
                        startDate: "2026-01-01"
                """);
        assertThat(coveringSchedule.get("warnings")).isEmpty();
    }

    private JsonNode dryRun(String yaml) throws Exception {
        return body(mvc.perform(post("/oncall-config").param("dryRun", "true").contentType(YAML).content(yaml))
                .andExpect(status().isOk()));
    }

    /**
     * Alex covers the 8 hours before {@code gapStart} and 40 days from {@code gapEnd} on: nobody in between (the
     * weekly layer starts years later).
     */
    private String scheduleWithGap(String name) {
        return """
                {"name": "%s", "timeZone": "UTC", "layers": [{"name": "Later", "participants": ["coverage-alex"],
                 "shiftLength": 1, "unit": "WEEKS", "handoffTime": "09:00", "startDate": "2030-01-01"}],
                 "overrides": [
                  {"responderId": "coverage-alex", "start": "%s", "end": "%s"},
                  {"responderId": "coverage-alex", "start": "%s", "end": "%s"}]}"""
                .formatted(name, gapStart.minus(8, ChronoUnit.HOURS), gapStart, gapEnd, gapEnd.plus(40, ChronoUnit.DAYS));
    }

    /** Without {@code repeat}: a policy that runs once needs not say so. */
    private static String serviceOn(String name, String scheduleId) {
        return """
                {"name": "%s", "teamId": "coverage", "escalationPolicy": {"levels": [
                  {"scheduleIds": ["%s"], "delayMinutes": 15}]}}""".formatted(name, scheduleId);
    }

}
