package io.oncallhq.incident.metrics;

import io.oncallhq.contracts.Severity;
import io.oncallhq.contracts.page.PageRequested;
import io.oncallhq.contracts.page.PageTarget;
import io.oncallhq.incident.lifecycle.Incident;
import io.oncallhq.incident.directory.Responder;
import io.oncallhq.incident.directory.WorkingHours;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.oncallhq.incident.lifecycle.IncidentFixtures.ALEX;
import static io.oncallhq.incident.lifecycle.IncidentFixtures.OPENED_AT;
import static io.oncallhq.incident.lifecycle.IncidentFixtures.triggeredIncident;
import static org.assertj.core.api.Assertions.assertThat;

class ResponseReportTest {

    /** 2026-11-22 is a Sunday; 2026-11-23 a Monday. */
    private static final Instant MONDAY_NOON_BERLIN = Instant.parse("2026-11-23T11:00:00Z");
    private static final Responder ALEX_WEEKDAYS_IN_BERLIN = new Responder("alex", "Alex Rivera", "alex@example.com",
            "Europe/Berlin", "U0ALEX", List.of(), new WorkingHours(List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(17, 0)));

    @Test
    void percentilesAreTimesThatReallyHappenedByNearestRank() {
        List<Duration> minutes = IntStream.rangeClosed(1, 10).mapToObj(Duration::ofMinutes).toList();

        Percentiles percentiles = Percentiles.of(minutes);

        assertThat(percentiles.p50()).isEqualTo(Duration.ofMinutes(5));
        assertThat(percentiles.p90()).isEqualTo(Duration.ofMinutes(9));
        assertThat(Percentiles.of(List.of()).p50()).isNull();
    }

    @Test
    void acknowledgeAndResolveTimesArePerServiceAndTeamAndCountOnlyWhatHappened() {
        Incident fast = acknowledgedAfter("incident-1", Duration.ofMinutes(2));
        Incident slow = acknowledgedAfter("incident-2", Duration.ofMinutes(10));
        slow.resolve(ALEX, "fixed", OPENED_AT.plus(Duration.ofMinutes(30)));

        ResponseReport report = ResponseReport.of(OPENED_AT, OPENED_AT.plusSeconds(3600), List.of(fast, slow), Map.of());

        assertThat(report.services()).singleElement().satisfies(service -> {
            assertThat(service.id()).isEqualTo("checkout-api");
            assertThat(service.incidents()).isEqualTo(2);
            assertThat(service.timeToAcknowledge().p50()).isEqualTo(Duration.ofMinutes(2));
            assertThat(service.timeToAcknowledge().p90()).isEqualTo(Duration.ofMinutes(10));
            assertThat(service.timeToResolve().count()).isEqualTo(1);
        });
        assertThat(report.teams()).extracting(ResponseReport.Group::id).containsExactly("payments");
    }

    @Test
    void pagesOutsideTheResponderWorkingHoursAreCountedInTheirZone() {
        Incident incident = triggeredIncident();
        incident.pagesRequested(List.of(page(MONDAY_NOON_BERLIN), page(OPENED_AT), page(MONDAY_NOON_BERLIN.plusSeconds(6 * 3600))));

        ResponseReport report = ResponseReport.of(OPENED_AT, MONDAY_NOON_BERLIN, List.of(incident),
                Map.of("alex", ALEX_WEEKDAYS_IN_BERLIN));

        assertThat(report.responders()).singleElement()
                .isEqualTo(new ResponseReport.ResponderPages("alex", "Alex Rivera", 3, 2));
    }

    private static Incident acknowledgedAfter(String id, Duration after) {
        Incident incident = triggeredIncident(id, "checkout-latency");
        incident.acknowledge(ALEX, OPENED_AT.plus(after));
        return incident;
    }

    private static PageRequested page(Instant at) {
        return new PageRequested("page-" + at, "incident-1", 7, "checkout-api", "Checkout API", "Checkout latency",
                Severity.CRITICAL, 1, new PageTarget("alex", "Alex Rivera", "alex@example.com", "U0ALEX"),
                "http://incidents/incident-1", at);
    }
}
