package io.oncallhq.incident.incident;

import io.oncallhq.contracts.alert.AlertTriggered;
import io.oncallhq.contracts.incident.AlertAttached;
import io.oncallhq.contracts.incident.IncidentEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The alerts grouped into one incident, one per dedup key: a repeat is counted, a new key attached, and each one
 * resolves on its own. Whether the incident accepts an alert at all is the lifecycle's decision, not this one's.
 */
final class IncidentAlerts {

    private final String incidentId;
    private final List<IncidentAlert> alerts;
    private final Timeline timeline;

    IncidentAlerts(String incidentId, List<IncidentAlert> alerts, Timeline timeline) {
        this.incidentId = incidentId;
        this.alerts = new ArrayList<>(alerts);
        this.timeline = timeline;
    }

    /** @param why why a new alert joins the incident, null when nothing needs saying */
    List<IncidentEvent> attach(AlertTriggered alert, String why, Instant now) {
        Optional<IncidentAlert> known = find(alert.dedupKey());
        if (known.isPresent()) {
            IncidentAlert again = known.get().firedAgain(now);
            alerts.set(alerts.indexOf(known.get()), again);
            timeline.add(now, "alert", null, "Alert " + alert.dedupKey() + " fired again (" + again.count() + " times)");
            return List.of();
        }
        AlertAttached attached = add(alert, now);
        timeline.add(now, "alert", null, "Alert " + alert.dedupKey() + " attached: " + alert.summary()
                + (why == null ? "" : " (" + why + ")"));
        return List.of(attached);
    }

    /** Adds a new alert without a timeline line: for the opening alert, which the "triggered" line already names. */
    AlertAttached add(AlertTriggered alert, Instant now) {
        alerts.add(IncidentAlert.firstSeen(alert.dedupKey(), alert.summary(), alert.severity(), now));
        return new AlertAttached(incidentId, alert.dedupKey(), alert.integrationType(), alert.summary(),
                alert.severity(), alert.source(), alert.links(), alert.startedAt(), now);
    }

    /**
     * Marks a firing alert as over.
     *
     * @return whether this ended the last firing alert; false too for an unknown alert or one already over
     */
    boolean resolve(String dedupKey, Instant now) {
        Optional<IncidentAlert> known = find(dedupKey);
        if (known.isEmpty() || !known.get().isFiring()) {
            return false;
        }
        alerts.set(alerts.indexOf(known.get()), known.get().resolved(now));
        timeline.add(now, "alert", null, "Alert " + dedupKey + " resolved");
        return alerts.stream().noneMatch(IncidentAlert::isFiring);
    }

    boolean contains(String dedupKey) {
        return find(dedupKey).isPresent();
    }

    List<IncidentAlert> list() {
        return List.copyOf(alerts);
    }

    private Optional<IncidentAlert> find(String dedupKey) {
        return alerts.stream().filter(a -> a.dedupKey().equals(dedupKey)).findFirst();
    }
}
