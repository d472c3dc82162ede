package io.oncallhq.incident.lifecycle;

import io.oncallhq.apisecurity.TestTokens;
import io.oncallhq.contracts.page.PageRequested;
import io.oncallhq.contracts.page.PagedBecause;
import io.oncallhq.incident.RunningIncidentService;
import io.oncallhq.incident.directory.EscalationPolicy;
import io.oncallhq.incident.directory.Responder;
import io.oncallhq.incident.directory.TechnicalService;
import io.oncallhq.incident.schedule.RotationLayer;
import io.oncallhq.incident.schedule.Schedule;
import io.oncallhq.incident.schedule.Schedules;
import io.oncallhq.incident.schedule.ShiftUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Each page says how its responder was chosen, on the page request, the timeline and the incident's pages: a layer's
 * shift, an override, a reassignment, a level named directly and reached by escalation.
 */
class WhyPagedIT extends RunningIncidentService {

    /** A Monday: the weekly layer hands over on Mondays at 09:00 UTC. */
    private static final LocalDate ROTATION_START = LocalDate.parse("2026-01-05");
    private static final String ALEX = "why-alex";
    private static final String BLAKE = "why-blake";
    private static final String SAM = "why-sam";

    @Autowired
    Schedules schedules;

    @BeforeEach
    void saveResponders() {
        mongo.save(new Responder(ALEX, "Alex Rivera", "alex@example.com", "UTC", "U0WHYALEX"));
        mongo.save(new Responder(BLAKE, "Blake Chen", "blake@example.com", "UTC", "U0WHYBLAKE"));
        mongo.save(new Responder(SAM, "Sam Okafor", "sam@example.com", "UTC", "U0WHYSAM"));
    }

    @Test
    void aPageThroughALayerNamesTheScheduleLayerAndShiftAndAReassignmentAndAnEscalationNameWhoDidIt()
            throws Exception {
        schedules.save(new Schedule("weekly-primary", "Weekly primary", "UTC", List.of(weekly(ALEX)), List.of()),
                "it");
        saveService("layer-api", "weekly-primary");
        String id = openIncident("layer-api");

        PageRequested first = await().atMost(PATIENCE).until(() -> pagesOf(id), pages -> pages.size() == 1).getFirst();
        assertThat(first.because().kind()).isEqualTo(PagedBecause.SCHEDULE);
        assertThat(first.because().layer()).isEqualTo("Weekly");
        assertThat(first.because().start().atZone(ZoneOffset.UTC).getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(first.because().end()).isEqualTo(first.because().start().plus(7, ChronoUnit.DAYS));

        call(post("/incidents/{id}/reassign", id), "{\"responderId\": \"%s\"}".formatted(BLAKE), 200);
        call(post("/incidents/{id}/escalate", id), null, 200);

        JsonNode incident = incident(id);
        assertThat(pageLines(incident)).satisfiesExactly(
                line -> assertThat(line).startsWith("Paging Alex Rivera (level 1): on call in Weekly primary, layer Weekly, ")
                        .endsWith(" UTC"),
                line -> assertThat(line).startsWith("Paging Blake Chen (level 1): reassigned by "),
                line -> assertThat(line).startsWith("Paging Sam Okafor (level 2): named on level 2; escalated by "));
        assertThat(StreamSupport.stream(incident.get("pages").spliterator(), false)
                .map(page -> page.get("because").get("kind").asString()))
                .containsExactly(PagedBecause.SCHEDULE, PagedBecause.REASSIGN, PagedBecause.DIRECT);
    }

    @Test
    void aPageThroughAnOverrideNamesItsWindowWhomItStandsInForAndWhoAddedIt() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        // Written as an admin does it, through the API: the override is credited to the token's name.
        call(put("/schedules/{id}", "covered-primary"), """
                {"name": "Covered primary", "timeZone": "UTC",
                 "layers": [{"name": "Weekly", "participants": ["%s"], "shiftLength": 1, "unit": "WEEKS",
                             "handoffTime": "09:00", "startDate": "%s"}],
                 "overrides": [{"responderId": "%s", "start": "%s", "end": "%s"}]}""".formatted(ALEX, ROTATION_START,
                BLAKE, now.minus(1, ChronoUnit.HOURS), now.plus(1, ChronoUnit.HOURS)), 200);
        saveService("override-api", "covered-primary");
        String id = openIncident("override-api");

        PageRequested page = await().atMost(PATIENCE).until(() -> pagesOf(id), pages -> pages.size() == 1).getFirst();
        assertThat(page.target().responderId()).isEqualTo(BLAKE);
        assertThat(page.because().kind()).isEqualTo(PagedBecause.OVERRIDE);
        assertThat(page.because().start()).isEqualTo(now.minus(1, ChronoUnit.HOURS));
        assertThat(page.because().standsInFor()).isEqualTo(ALEX);
        assertThat(page.because().overrideBy()).isEqualTo(TestTokens.ADMIN_NAME);

        JsonNode incident = incident(id);
        assertThat(pageLines(incident)).singleElement().asString()
                .startsWith("Paging Blake Chen (level 1): override in Covered primary from ")
                .endsWith(" UTC, standing in for Alex Rivera, added by " + TestTokens.ADMIN_NAME);
        assertThat(incident.get("pages").get(0).get("because").get("standsInFor").asString()).isEqualTo(ALEX);
        assertThat(incident.get("pages").get(0).get("because").get("overrideBy").asString()).isEqualTo(TestTokens.ADMIN_NAME);
    }

    private static RotationLayer weekly(String... participants) {
        return new RotationLayer("Weekly", List.of(participants), 1, ShiftUnit.WEEKS, LocalTime.of(9, 0), ROTATION_START);
    }

    /** Level 1 pages the schedule, level 2 names Sam. */
    private void saveService(String id, String scheduleId) {
        mongo.save(new TechnicalService(id, id, "why-paged", new EscalationPolicy(List.of(
                new EscalationPolicy.Level(List.of(), List.of(scheduleId), 30),
                new EscalationPolicy.Level(List.of(SAM), 30))), true));
    }

    private String openIncident(String serviceId) throws Exception {
        return call(post("/incidents"), """
                {"serviceId": "%s", "title": "Checkout down", "severity": "critical"}""".formatted(serviceId), 201)
                .get("id").asString();
    }

    private static List<String> pageLines(JsonNode incident) {
        return timeline(incident).stream().filter(text -> text.startsWith("Paging ")).toList();
    }
}
