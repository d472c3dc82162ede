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
 * The alerts of a sender's group come in bursts (Alertmanager resends the whole group each time), so for a group's
 * incident the timeline folds them ("3 more alerts of the group") and does not repeat the repeats.
 */
final class IncidentAlerts {

    static final String ATTACHED_TO_GROUP = "alerts-attached";
    static final String RESOLVED_IN_GROUP = "alerts-resolved";

    private final String incidentId;
    private final List<IncidentAlert> alerts;
    private final Timeline timeline;
    private final boolean ofGroup;

    /** @param ofGroup whether the incident stands for a sender's group of alerts */
    IncidentAlerts(String incidentId, List<IncidentAlert> alerts, Timeline timeline, boolean ofGroup) {
        this.incidentId = incidentId;
        this.alerts = new ArrayList<>(alerts);
        this.timeline = timeline;
        this.ofGroup = ofGroup;
    }

    /** @param why why a new alert joins the incident, null when nothing needs saying */
    List<IncidentEvent> attach(AlertTriggered alert, String why, Instant now) {
        Optional<IncidentAlert> known = find(alert.dedupKey());
        if (known.isPresent()) {
            IncidentAlert again = known.get().firedAgain(now);
            alerts.set(alerts.indexOf(known.get()), again);
            if (!ofGroup) {
                timeline.add(now, "alert", null, "Alert " + alert.dedupKey() + " fired again (" + again.count() + " times)");
            }
            return List.of();
        }
        AlertAttached attached = add(alert, now);
        if (ofGroup) {
            timeline.fold(now, ATTACHED_TO_GROUP, (count, first, last) -> count == 1
                    ? "Alert " + alert.dedupKey() + " of the group attached: " + alert.summary()
                    : count + " more alerts of the group " + Timeline.betweenTimesOfDay(first, last));
        } else {
            timeline.add(now, "alert", null, "Alert " + alert.dedupKey() + " attached: " + alert.summary()
                    + (why == null ? "" : " (" + why + ")"));
        }
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
        if (ofGroup) {
            timeline.fold(now, RESOLVED_IN_GROUP, (count, first, last) -> count == 1
                    ? "Alert " + dedupKey + " of the group resolved"
                    : count + " alerts of the group resolved " + Timeline.betweenTimesOfDay(first, last));
        } else {
            timeline.add(now, "alert", null, "Alert " + dedupKey + " resolved");
        }
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
