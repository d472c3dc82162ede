package io.oncallhq.incident.lifecycle;

import io.oncallhq.contracts.incident.AlertAttached;
import io.oncallhq.contracts.incident.IncidentEvent;
import io.oncallhq.contracts.incident.IncidentResolved;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.oncallhq.incident.lifecycle.IncidentFixtures.attach;
import static io.oncallhq.incident.lifecycle.IncidentFixtures.resolveAlert;
import static io.oncallhq.incident.lifecycle.IncidentFixtures.reopenFlapping;
import static io.oncallhq.incident.lifecycle.IncidentFixtures.ALEX;
import static io.oncallhq.incident.lifecycle.IncidentFixtures.CHECKOUT_GROUP;
import static io.oncallhq.incident.lifecycle.IncidentFixtures.OPENED_AT;
import static io.oncallhq.incident.lifecycle.IncidentFixtures.alertOfGroup;
import static io.oncallhq.incident.lifecycle.IncidentFixtures.incidentOfGroup;
import static org.assertj.core.api.Assertions.assertThat;

/** An incident standing for a sender's group of alerts (one Alertmanager group). */
class IncidentOfGroupTest {

    @Test
    void theIncidentStandsForTheGroupOfItsFirstAlert() {
        Incident incident = incidentOfGroup("incident-1", "am:a");

        assertThat(incident.group()).isEqualTo(CHECKOUT_GROUP);
        assertThat(incident.isOfGroup(CHECKOUT_GROUP)).isTrue();
        assertThat(incident.isOfGroup("checkout-api-alertmanager:{}:{alertname=\"Other\"}")).isFalse();
    }

    @Test
    void moreAlertsOfTheGroupAreEachKeptButFoldedIntoOneTimelineLine() {
        Incident incident = incidentOfGroup("incident-1", "am:a");

        List<IncidentEvent> events = new ArrayList<>();
        events.addAll(attach(incident, alertOfGroup("am:b"), OPENED_AT.plusSeconds(1)));
        events.addAll(attach(incident, alertOfGroup("am:c"), OPENED_AT.plusSeconds(2)));
        events.addAll(attach(incident, alertOfGroup("am:d"), OPENED_AT.plusSeconds(150)));

        assertThat(incident.alertSummary().firstAndNewest()).extracting(IncidentAlert::dedupKey).containsExactly("am:a", "am:b", "am:c", "am:d");
        assertThat(events).hasSize(3).allMatch(AlertAttached.class::isInstance);
        assertThat(incident.timeline()).extracting(TimelineEntry::text).containsExactly(
                "Incident #8 opened by alert am:a: Checkout latency above 2s on am:a",
                "3 more alerts of the group between 10:00 and 10:02 UTC");
    }

    @Test
    void aSingleMoreAlertIsNamedOnItsLine() {
        Incident incident = incidentOfGroup("incident-1", "am:a");

        attach(incident, alertOfGroup("am:b"), OPENED_AT.plusSeconds(1));

        assertThat(incident.timeline().getLast().text())
                .isEqualTo("Alert am:b of the group attached: Checkout latency above 2s on am:b");
    }

    @Test
    void theGroupSentAgainIsCountedPerAlertWithoutATimelineLine() {
        Incident incident = incidentOfGroup("incident-1", "am:a");
        attach(incident, alertOfGroup("am:b"), OPENED_AT.plusSeconds(1));
        int lines = incident.timeline().size();

        List<IncidentEvent> events = new ArrayList<>(attach(incident, alertOfGroup("am:a"), OPENED_AT.plusSeconds(300)));
        events.addAll(attach(incident, alertOfGroup("am:b"), OPENED_AT.plusSeconds(300)));

        assertThat(events).isEmpty();
        assertThat(incident.timeline()).hasSize(lines);
        assertThat(incident.alertSummary().firstAndNewest()).extracting(IncidentAlert::count).containsExactly(2, 2);
    }

    @Test
    void anotherLineBetweenStartsANewFold() {
        Incident incident = incidentOfGroup("incident-1", "am:a");
        attach(incident, alertOfGroup("am:b"), OPENED_AT.plusSeconds(1));
        incident.addNote(ALEX, "looking", OPENED_AT.plusSeconds(2));

        attach(incident, alertOfGroup("am:c"), OPENED_AT.plusSeconds(3));
        attach(incident, alertOfGroup("am:d"), OPENED_AT.plusSeconds(4));

        assertThat(incident.timeline().getLast().text()).isEqualTo("2 more alerts of the group at 10:00 UTC");
        assertThat(incident.timeline()).filteredOn(entry -> entry.kind().equals("alerts-attached")).hasSize(2);
    }

    @Test
    void theIncidentResolvesItselfOnceEveryAlertOfTheGroupHasResolved() {
        Incident incident = incidentOfGroup("incident-1", "am:a");
        attach(incident, alertOfGroup("am:b"), OPENED_AT.plusSeconds(1));
        attach(incident, alertOfGroup("am:c"), OPENED_AT.plusSeconds(2));
        Instant later = OPENED_AT.plusSeconds(600);

        assertThat(resolveAlert(incident, "am:a", true, later)).isEmpty();
        assertThat(resolveAlert(incident, "am:b", true, later)).isEmpty();
        assertThat(incident.isOpen()).isTrue();
        List<IncidentEvent> last = resolveAlert(incident, "am:c", true, later.plusSeconds(5));

        assertThat(last).singleElement().isInstanceOf(IncidentResolved.class);
        assertThat(incident.timeline()).extracting(TimelineEntry::text).contains(
                "3 alerts of the group resolved at 10:10 UTC", "Resolved by auto-resolve: all alerts resolved");
    }

    @Test
    void aGroupFiringAgainAfterItResolvedReopensNamingTheGroup() {
        Incident incident = incidentOfGroup("incident-1", "am:a");
        incident.resolve(ALEX, "fixed", OPENED_AT.plusSeconds(60));

        reopenFlapping(incident, alertOfGroup("am:z"), OPENED_AT.plusSeconds(360));

        assertThat(incident.isOpen()).isTrue();
        assertThat(incident.alertSummary().firstAndNewest()).extracting(IncidentAlert::dedupKey).contains("am:z");
        assertThat(incident.timeline()).extracting(TimelineEntry::text)
                .anyMatch(text -> text.contains("the group fired again 5 min after it resolved (flapping)"));
    }
}
