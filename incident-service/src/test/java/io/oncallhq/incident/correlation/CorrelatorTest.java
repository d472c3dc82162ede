package io.oncallhq.incident.correlation;

import io.oncallhq.incident.incident.Incident;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.oncallhq.incident.incident.IncidentFixtures.OPENED_AT;
import static io.oncallhq.incident.incident.IncidentFixtures.resolvedIncident;
import static io.oncallhq.incident.incident.IncidentFixtures.triggeredIncident;
import static org.assertj.core.api.Assertions.assertThat;

class CorrelatorTest {

    private static final Correlator.Settings TEN_MINUTE_WINDOWS =
            new Correlator.Settings(Duration.ofMinutes(10), Duration.ofMinutes(10));

    private final Correlator correlator = new Correlator();

    @Test
    void anAlertWithoutAnOpenIncidentOpensOne() {
        assertThat(decide("checkout-latency", List.of(), Correlator.Settings.OFF, OPENED_AT))
                .isInstanceOf(CorrelationDecision.OpenNew.class);
    }

    @Test
    void anAlertJoinsTheOpenIncidentHoldingItsDedupKey() {
        Incident other = triggeredIncident("incident-1", "checkout-errors");
        Incident holding = triggeredIncident("incident-2", "checkout-latency");

        assertThat(decide("checkout-latency", List.of(other, holding), TEN_MINUTE_WINDOWS, OPENED_AT))
                .isEqualTo(new CorrelationDecision.AttachTo("incident-2", null));
    }

    @Test
    void withoutAGroupingWindowAnAlertOfAnotherDedupKeyOpensItsOwnIncident() {
        Incident open = triggeredIncident("incident-1", "checkout-errors");

        assertThat(decide("checkout-latency", List.of(open), Correlator.Settings.OFF, OPENED_AT.plusSeconds(60)))
                .isInstanceOf(CorrelationDecision.OpenNew.class);
    }

    @Test
    void withinTheGroupingWindowADifferentAlertJoinsAndSaysWhy() {
        Incident open = triggeredIncident("incident-1", "checkout-errors");

        assertThat(decide("checkout-latency", List.of(open), TEN_MINUTE_WINDOWS, OPENED_AT.plusSeconds(600)))
                .isEqualTo(new CorrelationDecision.AttachTo("incident-1",
                        "grouped: within 10 min of the incident's first alert at 10:00 UTC"));
        assertThat(decide("checkout-latency", List.of(open), TEN_MINUTE_WINDOWS, OPENED_AT.plusSeconds(601)))
                .isInstanceOf(CorrelationDecision.OpenNew.class);
    }

    @Test
    void aResolvedIncidentTakesNoMoreAlertsWithoutFlapControl() {
        Incident resolved = resolvedIncident();

        assertThat(correlator.decide("checkout-latency", List.of(resolved), Optional.of(resolved),
                Correlator.Settings.OFF, resolved.resolvedAt().plusSeconds(60)))
                .isInstanceOf(CorrelationDecision.OpenNew.class);
    }

    @Test
    void anAlertFiringAgainWithinTheHoldOpenWindowReopensItsResolvedIncident() {
        Incident resolved = resolvedIncident();
        Instant resolvedAt = resolved.resolvedAt();

        assertThat(correlator.decide("checkout-latency", List.of(), Optional.of(resolved), TEN_MINUTE_WINDOWS,
                resolvedAt.plusSeconds(600))).isEqualTo(new CorrelationDecision.ReopenFlapping(resolved.id()));
        assertThat(correlator.decide("checkout-latency", List.of(), Optional.of(resolved), TEN_MINUTE_WINDOWS,
                resolvedAt.plusSeconds(601))).isInstanceOf(CorrelationDecision.OpenNew.class);
    }

    private CorrelationDecision decide(String dedupKey, List<Incident> open, Correlator.Settings settings,
                                       Instant now) {
        return correlator.decide(dedupKey, open, Optional.empty(), settings, now);
    }
}
