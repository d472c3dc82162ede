package io.oncallhq.incident.lifecycle;

import io.oncallhq.contracts.Actor;
import io.oncallhq.contracts.Severity;
import io.oncallhq.contracts.incident.AlertAttached;
import io.oncallhq.contracts.incident.IncidentEvent;
import io.oncallhq.contracts.incident.IncidentReassigned;
import io.oncallhq.contracts.incident.IncidentReopened;
import io.oncallhq.contracts.incident.IncidentTriggered;
import io.oncallhq.contracts.incident.PagingSuppressed;
import io.oncallhq.contracts.incident.PriorityChanged;
import io.oncallhq.contracts.incident.SeverityChanged;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.oncallhq.incident.lifecycle.IncidentFixtures.reopenFlapping;
import static io.oncallhq.incident.lifecycle.IncidentFixtures.ALEX;
import static io.oncallhq.incident.lifecycle.IncidentFixtures.CHECKOUT;
import static io.oncallhq.incident.lifecycle.IncidentFixtures.OPENED_AT;
import static io.oncallhq.incident.lifecycle.IncidentFixtures.alert;
import static io.oncallhq.incident.lifecycle.IncidentFixtures.resolvedIncident;
import static io.oncallhq.incident.lifecycle.IncidentFixtures.triggeredIncident;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reassignment, manual incidents, severity and priority, flapping and suppressed paging. */
class IncidentChangesTest {

    private static final Instant LATER = OPENED_AT.plusSeconds(300);

    @Test
    void aManualIncidentIsTriggeredWithoutAlertsAndSaysWhoOpenedIt() {
        Incident.Opened opened = Incident.openManually("incident-9", 9, CHECKOUT, "Checkout is down for EU",
                Severity.ERROR, "Customers report 500s", ALEX, OPENED_AT);

        Incident incident = opened.incident();
        assertThat(incident.status()).isEqualTo(IncidentStatus.TRIGGERED);
        assertThat(incident.alertSummary().firstAndNewest()).isEmpty();
        assertThat(incident.details()).isEqualTo("Customers report 500s");
        assertThat(opened.events()).singleElement().isInstanceOfSatisfying(IncidentTriggered.class, triggered -> {
            assertThat(triggered.title()).isEqualTo("Checkout is down for EU");
            assertThat(triggered.dedupKey()).isNull();
        });
        assertThat(incident.timeline()).singleElement().extracting(TimelineEntry::text)
                .isEqualTo("Incident #9 opened by Alex Rivera: Checkout is down for EU");
    }

    @Test
    void reassigningNamesTheNewResponderButAResolvedIncidentCannotBeReassigned() {
        Incident incident = triggeredIncident();

        List<IncidentEvent> events = incident.reassign("blake", "Blake Chen", ALEX, LATER);

        assertThat(events).singleElement().isEqualTo(new IncidentReassigned("incident-1", "blake", "Blake Chen", ALEX,
                LATER));
        assertThat(incident.assignee()).isEqualTo(new Assignee("blake", "Blake Chen"));
        assertThatThrownBy(() -> resolvedIncident().reassign("blake", "Blake Chen", ALEX, LATER))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void severityChangesAreEventsAndTheSameSeverityChangesNothing() {
        Incident incident = triggeredIncident();

        assertThat(incident.changeSeverity(Severity.CRITICAL, ALEX, LATER)).isEmpty();
        assertThat(incident.changeSeverity(Severity.WARNING, ALEX, LATER)).singleElement()
                .isEqualTo(new SeverityChanged("incident-1", Severity.CRITICAL, Severity.WARNING, ALEX, LATER));
        assertThat(incident.severity()).isEqualTo(Severity.WARNING);
        assertThat(incident.timeline()).last().extracting(TimelineEntry::text)
                .isEqualTo("Severity changed from critical to warning by Alex Rivera");
    }

    @Test
    void priorityIsSetChangedAndClearedButOnlyP1ToP5() {
        Incident incident = triggeredIncident();

        assertThat(incident.changePriority("P2", ALEX, LATER)).singleElement()
                .isEqualTo(new PriorityChanged("incident-1", null, "P2", ALEX, LATER));
        assertThat(incident.changePriority("P2", ALEX, LATER)).isEmpty();
        assertThat(incident.changePriority(null, ALEX, LATER)).singleElement()
                .isEqualTo(new PriorityChanged("incident-1", "P2", null, ALEX, LATER));
        assertThatThrownBy(() -> incident.changePriority("P0", ALEX, LATER)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReopenedIncidentSchedulesItsStepsInANewCycleSoOldTimersAreStale() {
        Incident incident = triggeredIncident();
        incident.scheduleEscalation(new EscalationStep(2, 1, LATER));
        incident.resolve(ALEX, "fixed", LATER);
        incident.reopen(ALEX, "back", LATER.plusSeconds(60));
        incident.scheduleEscalation(new EscalationStep(2, 1, LATER.plusSeconds(960)));

        assertThat(incident.nextEscalation().timerId("incident-1")).isEqualTo("incident-1:1:1:2");
        assertThat(incident.escalationDue(2, 1, 0, LATER.plusSeconds(960))).isEqualTo(Incident.EscalationDue.STALE);
        assertThat(incident.escalationDue(2, 1, 1, LATER.plusSeconds(960))).isEqualTo(Incident.EscalationDue.PAGE);
    }

    @Test
    void anAlertFiringAgainSoonAfterResolvingReopensTheIncidentAsFlapping() {
        Incident incident = resolvedIncident();
        Instant resolvedAt = incident.resolvedAt();

        List<IncidentEvent> events = reopenFlapping(incident, alert("checkout-latency"), resolvedAt.plusSeconds(180));

        assertThat(events).singleElement().isInstanceOfSatisfying(IncidentReopened.class, reopened -> {
            assertThat(reopened.by()).isEqualTo(Actor.system("flap-control"));
            assertThat(reopened.reason()).isEqualTo("alert checkout-latency fired again 3 min after it resolved (flapping)");
        });
        assertThat(incident.status()).isEqualTo(IncidentStatus.TRIGGERED);
        assertThat(incident.alertSummary().firstAndNewest()).singleElement().satisfies(alert -> assertThat(alert.count()).isEqualTo(2));
        assertThat(incident.timeline()).extracting(TimelineEntry::kind).contains("flapping");
    }

    @Test
    void aGroupedAlertSaysWhyItJoined() {
        Incident incident = triggeredIncident();

        assertThat(incident.attach(alert("checkout-errors"), Optional.empty(), "grouped: within 10 min of the first alert", LATER))
                .singleElement().isInstanceOf(AlertAttached.class);
        assertThat(incident.timeline()).last().extracting(TimelineEntry::text).asString()
                .endsWith("(grouped: within 10 min of the first alert)");
    }

    @Test
    void suppressedPagingLeavesNoPendingEscalationAndSaysWhy() {
        Incident incident = triggeredIncident();
        incident.scheduleEscalation(new EscalationStep(2, 1, LATER));

        List<IncidentEvent> events = incident.pagingSuppressed("silence-1", "Not paged: silence \"db upgrade\"", OPENED_AT);

        assertThat(events).singleElement().isInstanceOf(PagingSuppressed.class);
        assertThat(incident.nextEscalation()).isNull();
        assertThat(incident.timeline()).last().extracting(TimelineEntry::text).isEqualTo("Not paged: silence \"db upgrade\"");
    }
}
