package io.oncallhq.incident.lifecycle;

import io.oncallhq.contracts.Actor;
import io.oncallhq.contracts.Severity;
import io.oncallhq.contracts.incident.AlertAttached;
import io.oncallhq.contracts.incident.IncidentAcknowledged;
import io.oncallhq.contracts.incident.IncidentEscalated;
import io.oncallhq.contracts.incident.IncidentEvent;
import io.oncallhq.contracts.incident.IncidentReopened;
import io.oncallhq.contracts.incident.IncidentResolved;
import io.oncallhq.contracts.incident.IncidentTriggered;
import io.oncallhq.contracts.incident.NoteAdded;
import io.oncallhq.contracts.incident.PageRecorded;
import io.oncallhq.contracts.page.PageRequested;
import io.oncallhq.contracts.page.PageTarget;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.oncallhq.incident.lifecycle.IncidentFixtures.attach;
import static io.oncallhq.incident.lifecycle.IncidentFixtures.resolveAlert;
import static io.oncallhq.incident.lifecycle.IncidentFixtures.ALEX;
import static io.oncallhq.incident.lifecycle.IncidentFixtures.CHECKOUT;
import static io.oncallhq.incident.lifecycle.IncidentFixtures.OPENED_AT;
import static io.oncallhq.incident.lifecycle.IncidentFixtures.acknowledgedIncident;
import static io.oncallhq.incident.lifecycle.IncidentFixtures.alert;
import static io.oncallhq.incident.lifecycle.IncidentFixtures.resolvedIncident;
import static io.oncallhq.incident.lifecycle.IncidentFixtures.triggeredIncident;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IncidentLifecycleTest {

    private static final Instant LATER = OPENED_AT.plusSeconds(300);

    @Test
    void anAlertOpensATriggeredIncidentAndSaysSo() {
        Incident.Opened opened = Incident.open("incident-1", 7, CHECKOUT, alert("checkout-latency"), OPENED_AT);

        Incident incident = opened.incident();
        assertThat(incident.status()).isEqualTo(IncidentStatus.TRIGGERED);
        assertThat(incident.title()).isEqualTo("Checkout latency above 2s");
        assertThat(incident.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(incident.alertSummary().firstAndNewest()).singleElement().satisfies(alert -> {
            assertThat(alert.dedupKey()).isEqualTo("checkout-latency");
            assertThat(alert.count()).isEqualTo(1);
        });
        assertThat(incident.timeline()).extracting(TimelineEntry::kind).containsExactly("triggered");
        assertThat(opened.events()).hasSize(2);
        assertThat(opened.events().get(0)).isInstanceOfSatisfying(IncidentTriggered.class, triggered -> {
            assertThat(triggered.number()).isEqualTo(7);
            assertThat(triggered.serviceId()).isEqualTo("checkout-api");
            assertThat(triggered.dedupKey()).isEqualTo("checkout-latency");
        });
        assertThat(opened.events().get(1)).isInstanceOf(AlertAttached.class);
    }

    @Test
    void theSameAlertAgainIsCountedWithoutAnEvent() {
        Incident incident = triggeredIncident();

        List<IncidentEvent> events = attach(incident, alert("checkout-latency"), LATER);

        assertThat(events).isEmpty();
        assertThat(incident.alertSummary().firstAndNewest()).singleElement().satisfies(alert -> {
            assertThat(alert.count()).isEqualTo(2);
            assertThat(alert.lastSeenAt()).isEqualTo(LATER);
        });
        assertThat(incident.timeline()).last().extracting(TimelineEntry::text).asString().contains("fired again");
    }

    @Test
    void aDifferentAlertIsAttachedAsANewOne() {
        Incident incident = triggeredIncident();

        List<IncidentEvent> events = attach(incident, alert("checkout-errors"), LATER);

        assertThat(events).singleElement().isInstanceOf(AlertAttached.class);
        assertThat(incident.alertSummary().firstAndNewest()).extracting(IncidentAlert::dedupKey).containsExactly("checkout-latency", "checkout-errors");
    }

    @Test
    void acknowledgingRecordsWhoAndWhen() {
        Incident incident = triggeredIncident();

        List<IncidentEvent> events = incident.acknowledge(ALEX, LATER);

        assertThat(events).singleElement().isEqualTo(new IncidentAcknowledged("incident-1", ALEX, LATER));
        assertThat(incident.status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(incident.acknowledgedBy()).isEqualTo(ALEX);
        assertThat(incident.acknowledgedAt()).isEqualTo(LATER);
    }

    @Test
    void acknowledgingTwiceChangesNothingButSaysWhoAcknowledgedFirstAndWhen() {
        Incident incident = acknowledgedIncident();

        List<IncidentEvent> events = incident.acknowledge(Actor.responder("sam", "Sam"), LATER);

        assertThat(events).isEmpty();
        assertThat(incident.acknowledgedBy()).isEqualTo(ALEX);
        assertThat(incident.firstAcknowledgement()).isEqualTo("already acknowledged by Alex Rivera at 10:01 UTC");
        assertThat(incident.timeline()).last().extracting(TimelineEntry::text)
                .isEqualTo("Acknowledgement by Sam changed nothing: already acknowledged by Alex Rivera at 10:01 UTC");
    }

    @Test
    void resolvingEndsTheIncident() {
        Incident incident = acknowledgedIncident();

        List<IncidentEvent> events = incident.resolve(ALEX, "rolled back", LATER);

        assertThat(events).singleElement().isEqualTo(new IncidentResolved("incident-1", ALEX, "rolled back", LATER));
        assertThat(incident.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(incident.isOpen()).isFalse();
    }

    @Test
    void aTriggeredIncidentCanBeResolvedWithoutAcknowledgement() {
        Incident incident = triggeredIncident();

        assertThat(incident.resolve(ALEX, null, LATER)).singleElement().isInstanceOf(IncidentResolved.class);
        assertThat(incident.acknowledgedAt()).isNull();
    }

    @Test
    void aResolvedIncidentCanBeNeitherAcknowledgedNorResolvedNorEscalatedAgain() {
        Incident incident = resolvedIncident();

        assertThatThrownBy(() -> incident.acknowledge(ALEX, LATER)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> incident.resolve(ALEX, null, LATER)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> incident.escalate(2, ALEX, LATER)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> attach(incident, alert("checkout-latency"), LATER))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(incident.status()).isEqualTo(IncidentStatus.RESOLVED);
    }

    @Test
    void onlyAResolvedIncidentCanBeReopened() {
        assertThatThrownBy(() -> triggeredIncident().reopen(ALEX, "again", LATER))
                .isInstanceOf(IllegalTransitionException.class);

        Incident incident = resolvedIncident();
        List<IncidentEvent> events = incident.reopen(ALEX, "still broken", LATER);

        assertThat(events).singleElement().isInstanceOf(IncidentReopened.class);
        assertThat(incident.status()).isEqualTo(IncidentStatus.TRIGGERED);
        assertThat(incident.resolvedAt()).isNull();
        assertThat(incident.acknowledgedBy()).isNull();
        assertThat(incident.acknowledge(ALEX, LATER.plusSeconds(1))).hasSize(1);
    }

    @Test
    void resolvingTheLastFiringAlertResolvesTheIncidentWhenTheServiceAutoResolves() {
        Incident incident = triggeredIncident();
        attach(incident, alert("checkout-errors"), LATER);

        assertThat(resolveAlert(incident, "checkout-latency", true, LATER)).isEmpty();
        assertThat(incident.status()).isEqualTo(IncidentStatus.TRIGGERED);

        List<IncidentEvent> events = resolveAlert(incident, "checkout-errors", true, LATER.plusSeconds(1));

        assertThat(events).singleElement().isInstanceOfSatisfying(IncidentResolved.class,
                resolved -> assertThat(resolved.by()).isEqualTo(Actor.system("auto-resolve")));
        assertThat(incident.status()).isEqualTo(IncidentStatus.RESOLVED);
    }

    @Test
    void withoutAutoResolveResolvedAlertsLeaveTheIncidentOpen() {
        Incident incident = triggeredIncident();

        assertThat(resolveAlert(incident, "checkout-latency", false, LATER)).isEmpty();

        assertThat(incident.status()).isEqualTo(IncidentStatus.TRIGGERED);
        assertThat(incident.alertSummary().firstAndNewest()).singleElement().extracting(IncidentAlert::status)
                .isEqualTo(IncidentAlert.AlertStatus.RESOLVED);
    }

    @Test
    void anAlertThatFiresAgainIsFiringAgain() {
        Incident incident = triggeredIncident();
        resolveAlert(incident, "checkout-latency", false, LATER);

        attach(incident, alert("checkout-latency"), LATER.plusSeconds(1));

        assertThat(incident.alertSummary().firstAndNewest()).singleElement().extracting(IncidentAlert::status)
                .isEqualTo(IncidentAlert.AlertStatus.FIRING);
    }

    @Test
    void escalatingMovesToTheGivenLevel() {
        Incident incident = acknowledgedIncident();

        assertThat(incident.escalate(2, ALEX, LATER)).singleElement()
                .isEqualTo(new IncidentEscalated("incident-1", 2, ALEX, "requested", LATER));
        assertThat(incident.escalationLevel()).isEqualTo(2);
    }

    @Test
    void pagesAreRecordedWithTheirOutcome() {
        Incident incident = triggeredIncident();
        PageRequested page = new PageRequested("page-1", "incident-1", 7, "checkout-api", "Checkout API",
                "Checkout latency above 2s", Severity.CRITICAL, 1,
                new PageTarget("alex", "Alex Rivera", "alex@example.com", "U1"), "http://x/incidents/incident-1", LATER);

        assertThat(incident.pagesRequested(List.of(page))).singleElement().isInstanceOfSatisfying(PageRecorded.class,
                recorded -> assertThat(recorded.outcome()).isEqualTo(PageRecorded.REQUESTED));
        List<IncidentEvent> delivered = incident.pageOutcome("page-1", PageRecorded.DELIVERED, "slack C1", null, LATER);

        assertThat(delivered).singleElement().isInstanceOfSatisfying(PageRecorded.class, recorded -> {
            assertThat(recorded.responderId()).isEqualTo("alex");
            assertThat(recorded.outcome()).isEqualTo(PageRecorded.DELIVERED);
        });
        assertThat(incident.pages()).singleElement().extracting(PageLog::outcome).isEqualTo(PageRecorded.DELIVERED);
    }

    @Test
    void aPageDeliveredInADigestSaysSoOnTheTimeline() {
        Incident incident = triggeredIncident();
        incident.pagesRequested(List.of(new PageRequested("page-1", "incident-1", 7, "checkout-api", "Checkout API",
                "Checkout latency above 2s", Severity.ERROR, 1,
                new PageTarget("alex", "Alex Rivera", "alex@example.com", "U1"), "http://x/incidents/incident-1", LATER)));

        incident.pageOutcome("page-1", PageRecorded.DELIVERED, "slack D0ALEX",
                "digest of 12 incidents on Checkout API", LATER);

        assertThat(incident.timeline()).last().extracting(TimelineEntry::text)
                .isEqualTo("Paged Alex Rivera in a digest of 12 incidents on Checkout API: slack D0ALEX");
        assertThat(incident.pages()).singleElement().extracting(PageLog::outcome).isEqualTo(PageRecorded.DELIVERED);
    }

    @Test
    void notesGoOnTheTimelineInAnyStatus() {
        Incident incident = resolvedIncident();

        assertThat(incident.addNote(ALEX, "root cause: pool size", LATER)).singleElement()
                .isEqualTo(new NoteAdded("incident-1", ALEX, "root cause: pool size", LATER));
        assertThat(incident.timeline()).last().extracting(TimelineEntry::text).isEqualTo("root cause: pool size");
    }
}
