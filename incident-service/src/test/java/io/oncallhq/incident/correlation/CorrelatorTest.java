package io.oncallhq.incident.correlation;

import io.oncallhq.incident.lifecycle.Incident;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static io.oncallhq.incident.lifecycle.IncidentFixtures.ALEX;
import static io.oncallhq.incident.lifecycle.IncidentFixtures.OPENED_AT;
import static io.oncallhq.incident.lifecycle.IncidentFixtures.incidentOfGroup;
import static io.oncallhq.incident.lifecycle.IncidentFixtures.resolvedIncident;
import static io.oncallhq.incident.lifecycle.IncidentFixtures.triggeredIncident;
import static org.assertj.core.api.Assertions.assertThat;

class CorrelatorTest {

    private static final Correlator.Settings TEN_MINUTE_WINDOWS =
            new Correlator.Settings(Duration.ofMinutes(10), Duration.ofMinutes(10));

    private final Correlator correlator = new Correlator();

    @Test
    void anAlertWithoutAnOpenIncidentOpensOne() {
        assertThat(correlator.decide(false, Correlator.Candidates.NONE, Correlator.Settings.OFF, OPENED_AT))
                .isInstanceOf(CorrelationDecision.OpenNew.class);
    }

    @Test
    void anAlertJoinsTheOpenIncidentHoldingItsDedupKey() {
        Incident holding = triggeredIncident("incident-2", "checkout-latency");

        assertThat(decide(holding(holding), TEN_MINUTE_WINDOWS, OPENED_AT))
                .isEqualTo(new CorrelationDecision.AttachTo("incident-2", null));
    }

    @Test
    void withoutAGroupingWindowAnAlertOfAnotherDedupKeyOpensItsOwnIncident() {
        Incident open = triggeredIncident("incident-1", "checkout-errors");

        assertThat(decide(newest(open), Correlator.Settings.OFF, OPENED_AT.plusSeconds(60)))
                .isInstanceOf(CorrelationDecision.OpenNew.class);
    }

    @Test
    void withinTheGroupingWindowADifferentAlertJoinsTheNewestIncidentAndSaysWhy() {
        Incident open = triggeredIncident("incident-1", "checkout-errors");

        assertThat(decide(newest(open), TEN_MINUTE_WINDOWS, OPENED_AT.plusSeconds(600)))
                .isEqualTo(new CorrelationDecision.AttachTo("incident-1",
                        "grouped: within 10 min of the incident's first alert at 10:00 UTC"));
        assertThat(decide(newest(open), TEN_MINUTE_WINDOWS, OPENED_AT.plusSeconds(601)))
                .isInstanceOf(CorrelationDecision.OpenNew.class);
    }

    @Test
    void aResolvedNewestIncidentTakesNoAlertsThroughTheGroupingWindow() {
        Incident resolved = resolvedIncident();

        assertThat(decide(newest(resolved), new Correlator.Settings(Duration.ofMinutes(10), null),
                resolved.resolvedAt().plusSeconds(1))).isInstanceOf(CorrelationDecision.OpenNew.class);
    }

    @Test
    void aResolvedIncidentTakesNoMoreAlertsWithoutFlapControl() {
        Incident resolved = resolvedIncident();

        assertThat(decide(holding(resolved), Correlator.Settings.OFF, resolved.resolvedAt().plusSeconds(60)))
                .isInstanceOf(CorrelationDecision.OpenNew.class);
    }

    @Test
    void anAlertFiringAgainWithinTheHoldOpenWindowReopensItsResolvedIncident() {
        Incident resolved = resolvedIncident();
        Instant resolvedAt = resolved.resolvedAt();

        assertThat(decide(holding(resolved), TEN_MINUTE_WINDOWS, resolvedAt.plusSeconds(600)))
                .isEqualTo(new CorrelationDecision.ReopenFlapping(resolved.id()));
        assertThat(decide(holding(resolved), TEN_MINUTE_WINDOWS, resolvedAt.plusSeconds(601)))
                .isInstanceOf(CorrelationDecision.OpenNew.class);
    }

    @Test
    void aNewAlertOfAGroupJoinsTheGroupsOpenIncidentWhateverTheGroupingWindow() {
        Incident group = incidentOfGroup("incident-3", "alertmanager:v1:a");

        assertThat(correlator.decide(true, ofGroup(group), Correlator.Settings.OFF, OPENED_AT.plusSeconds(3600)))
                .isEqualTo(new CorrelationDecision.AttachTo("incident-3", null));
    }

    @Test
    void anAlertOfAGroupNeverJoinsAnotherIncidentThroughTheGroupingWindow() {
        Incident open = triggeredIncident("incident-1", "checkout-errors");

        assertThat(correlator.decide(true, newest(open), TEN_MINUTE_WINDOWS, OPENED_AT.plusSeconds(60)))
                .isInstanceOf(CorrelationDecision.OpenNew.class);
    }

    @Test
    void aGroupFiringAgainWithinTheHoldOpenWindowReopensItsResolvedIncident() {
        Incident group = incidentOfGroup("incident-3", "alertmanager:v1:a");
        group.resolve(ALEX, "fixed", OPENED_AT.plusSeconds(600));

        assertThat(correlator.decide(true, ofGroup(group), TEN_MINUTE_WINDOWS, OPENED_AT.plusSeconds(1200)))
                .isEqualTo(new CorrelationDecision.ReopenFlapping("incident-3"));
        assertThat(correlator.decide(true, ofGroup(group), new Correlator.Settings(null, null),
                OPENED_AT.plusSeconds(1200))).isInstanceOf(CorrelationDecision.OpenNew.class);
    }

    private CorrelationDecision decide(Correlator.Candidates candidates, Correlator.Settings settings, Instant now) {
        return correlator.decide(false, candidates, settings, now);
    }

    private static Correlator.Candidates holding(Incident incident) {
        return new Correlator.Candidates(Optional.of(incident), Optional.empty(), Optional.empty());
    }

    private static Correlator.Candidates ofGroup(Incident incident) {
        return new Correlator.Candidates(Optional.empty(), Optional.of(incident), Optional.empty());
    }

    private static Correlator.Candidates newest(Incident incident) {
        return new Correlator.Candidates(Optional.empty(), Optional.empty(), Optional.of(incident));
    }
}
