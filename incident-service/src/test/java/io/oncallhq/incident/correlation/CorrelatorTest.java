package io.oncallhq.incident.correlation;

import io.oncallhq.incident.incident.Incident;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.oncallhq.incident.incident.IncidentFixtures.resolvedIncident;
import static io.oncallhq.incident.incident.IncidentFixtures.triggeredIncident;
import static org.assertj.core.api.Assertions.assertThat;

class CorrelatorTest {

    private final Correlator correlator = new Correlator();

    @Test
    void anAlertWithoutAnOpenIncidentOpensOne() {
        assertThat(correlator.decide("checkout-latency", List.of())).isInstanceOf(CorrelationDecision.OpenNew.class);
    }

    @Test
    void anAlertJoinsTheOpenIncidentHoldingItsDedupKey() {
        Incident other = triggeredIncident("incident-1", "checkout-errors");
        Incident holding = triggeredIncident("incident-2", "checkout-latency");

        assertThat(correlator.decide("checkout-latency", List.of(other, holding)))
                .isEqualTo(new CorrelationDecision.AttachTo("incident-2"));
    }

    @Test
    void anAlertOfAnotherDedupKeyOpensItsOwnIncident() {
        Incident open = triggeredIncident("incident-1", "checkout-errors");

        assertThat(correlator.decide("checkout-latency", List.of(open))).isInstanceOf(CorrelationDecision.OpenNew.class);
    }

    @Test
    void aResolvedIncidentTakesNoMoreAlerts() {
        assertThat(correlator.decide("checkout-latency", List.of(resolvedIncident())))
                .isInstanceOf(CorrelationDecision.OpenNew.class);
    }
}
