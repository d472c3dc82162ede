package io.oncallhq.incident.lifecycle;

import io.oncallhq.contracts.incident.IncidentEvent;
import io.oncallhq.contracts.incident.IncidentResolved;
import io.oncallhq.outbox.OutboxFields;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.oncallhq.incident.lifecycle.IncidentFixtures.attach;
import static io.oncallhq.incident.lifecycle.IncidentFixtures.reopenFlapping;
import static io.oncallhq.incident.lifecycle.IncidentFixtures.ALEX;
import static io.oncallhq.incident.lifecycle.IncidentFixtures.OPENED_AT;
import static io.oncallhq.incident.lifecycle.IncidentFixtures.alert;
import static io.oncallhq.incident.lifecycle.IncidentFixtures.triggeredIncident;
import static org.assertj.core.api.Assertions.assertThat;

/** The trace an incident was opened in travels with every resolve, so its post-mortem joins the alert's trace. */
class OpeningTraceTest {

    private static final String ALERT_TRACE = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final String LATER_TRACE = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    private static final Instant LATER = OPENED_AT.plusSeconds(300);

    @Test
    void theResolveCarriesTheTraceTheIncidentWasOpenedIn() {
        Incident incident = triggeredIncident();
        incident.openedInTrace(ALERT_TRACE);
        attach(incident, alert("checkout-errors"), LATER);
        incident.acknowledge(ALEX, LATER);

        assertThat(openingTraceOf(incident.resolve(ALEX, "fixed", LATER.plusSeconds(60)))).isEqualTo(ALERT_TRACE);
    }

    @Test
    void aReopenedIncidentResolvesAgainInTheTraceOfItsFirstOpening() {
        Incident incident = triggeredIncident();
        incident.openedInTrace(ALERT_TRACE);
        incident.resolve(ALEX, "fixed", LATER);
        reopenFlapping(incident, alert("checkout-latency"), LATER.plusSeconds(60));
        incident.openedInTrace(LATER_TRACE);

        assertThat(openingTraceOf(incident.resolve(ALEX, "fixed again", LATER.plusSeconds(120)))).isEqualTo(ALERT_TRACE);
    }

    @Test
    void aStoredIncidentKeepsItsOpeningTrace() {
        Incident incident = triggeredIncident();
        incident.openedInTrace(ALERT_TRACE);

        Incident loaded = IncidentDocument.of(incident, new OutboxFields(List.of(), List.of(), 1L)).toAggregate();

        assertThat(openingTraceOf(loaded.resolve(ALEX, "fixed", LATER))).isEqualTo(ALERT_TRACE);
    }

    @Test
    void anIncidentOpenedOutsideAnyTraceOrStoredBeforeItWasKeptResolvesWithoutOne() {
        Incident incident = triggeredIncident();
        incident.openedInTrace(null);

        Incident loaded = IncidentDocument.of(incident, new OutboxFields(List.of(), List.of(), 1L)).toAggregate();

        assertThat(openingTraceOf(loaded.resolve(ALEX, "fixed", LATER))).isNull();
    }

    private static String openingTraceOf(List<IncidentEvent> events) {
        return events.stream().map(IncidentResolved.class::cast).findFirst().orElseThrow().openingTraceparent();
    }
}
