package io.oncallhq.incident.lifecycle;

import io.oncallhq.contracts.alert.AlertTriggered;
import io.oncallhq.contracts.incident.IncidentEvent;
import io.oncallhq.contracts.incident.IncidentResolved;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.oncallhq.incident.lifecycle.IncidentFixtures.OPENED_AT;
import static io.oncallhq.incident.lifecycle.IncidentFixtures.alert;
import static io.oncallhq.incident.lifecycle.IncidentFixtures.alertOfGroup;
import static io.oncallhq.incident.lifecycle.IncidentFixtures.incidentOfGroup;
import static io.oncallhq.incident.lifecycle.IncidentFixtures.triggeredIncident;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** An incident with more alerts than it keeps: its counts decide, its timeline folds, its alerts are stored beside it. */
class ManyAlertsTest {

    /** The alerts as the store beside the incident holds them. */
    private final Map<String, IncidentAlert> stored = new HashMap<>();

    @Test
    void aGroupOfTwoHundredAlertsResolvesItselfWithItsLastAlertAndNotBefore() {
        Incident incident = stored(incidentOfGroup("incident-1", "am:0"));
        for (int i = 1; i < 200; i++) {
            attach(incident, alertOfGroup("am:" + i), OPENED_AT.plusSeconds(i));
        }
        Instant later = OPENED_AT.plusSeconds(3600);

        for (int i = 199; i > 0; i--) {
            assertThat(resolve(incident, "am:" + i, later)).isEmpty();
        }
        assertThat(resolve(incident, "am:1", later)).as("an alert resolved again counts once").isEmpty();
        assertThat(incident.isOpen()).isTrue();
        assertThat(incident.alertSummary().firing()).isEqualTo(1);

        List<IncidentEvent> last = resolve(incident, "am:0", later.plusSeconds(5));

        assertThat(last).singleElement().isInstanceOf(IncidentResolved.class);
        assertThat(incident.alertSummary().resolved()).isEqualTo(200);
        assertThat(stored.values()).hasSize(200).noneMatch(IncidentAlert::isFiring);
    }

    @Test
    void aStormJoiningThroughTheGroupingWindowIsOneLineForItsAlertsAndOneForTheirRepeats() {
        Incident incident = stored(triggeredIncident("incident-1", "checkout-0"));
        String why = "grouped: within 60 min of the incident's first alert at 10:00 UTC";
        for (int i = 1; i <= 300; i++) {
            Instant at = OPENED_AT.plusSeconds(i);
            incident.attach(alert("checkout-" + i), Optional.empty(), why, at);
            keepChanges(incident);
            attach(incident, alert("checkout-" + (i - 1)), at);
        }

        assertThat(incident.timeline()).extracting(TimelineEntry::text).containsExactly(
                "Incident #7 opened by alert checkout-0: Checkout latency above 2s",
                "300 more alerts between 10:00 and 10:05 UTC (" + why + ")",
                "300 repeats of alerts between 10:00 and 10:05 UTC");
        assertThat(incident.alertSummary().total()).isEqualTo(301);
        assertThat(stored.get("checkout-0").count()).isEqualTo(2);
    }

    @Test
    void theIncidentKeepsItsFirstAlertAndItsNewestFiveAsTheyAreNow() {
        Incident incident = stored(incidentOfGroup("incident-1", "am:0"));
        for (int i = 1; i < 20; i++) {
            attach(incident, alertOfGroup("am:" + i), OPENED_AT.plusSeconds(i));
        }
        resolve(incident, "am:19", OPENED_AT.plusSeconds(60));
        attach(incident, alertOfGroup("am:0"), OPENED_AT.plusSeconds(61));

        assertThat(incident.alertSummary().firstAndNewest())
                .extracting(IncidentAlert::dedupKey, IncidentAlert::number, IncidentAlert::count)
                .containsExactly(tuple("am:0", 1L, 2),
                        tuple("am:15", 16L, 1),
                        tuple("am:16", 17L, 1),
                        tuple("am:17", 18L, 1),
                        tuple("am:18", 19L, 1),
                        tuple("am:19", 20L, 1));
        assertThat(incident.alertSummary().firstAndNewest().getLast().status())
                .isEqualTo(IncidentAlert.AlertStatus.RESOLVED);
        assertThat(incident.alertSummary()).extracting(AlertSummary::firing, AlertSummary::resolved)
                .containsExactly(19, 1);
    }

    private Incident stored(Incident incident) {
        keepChanges(incident);
        return incident;
    }

    private void attach(Incident incident, AlertTriggered alert, Instant at) {
        incident.attach(alert, Optional.ofNullable(stored.get(alert.dedupKey())), null, at);
        keepChanges(incident);
    }

    private List<IncidentEvent> resolve(Incident incident, String dedupKey, Instant at) {
        List<IncidentEvent> events = incident.alertResolved(Optional.ofNullable(stored.get(dedupKey)), true, at);
        keepChanges(incident);
        return events;
    }

    private void keepChanges(Incident incident) {
        incident.takeAlertChanges().forEach(change -> stored.put(change.after().dedupKey(), change.after()));
    }
}
