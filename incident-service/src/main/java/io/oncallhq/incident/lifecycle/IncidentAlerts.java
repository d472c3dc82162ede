package io.oncallhq.incident.lifecycle;

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
 * The alerts themselves are stored beside the incident: a change is told the alert as stored (empty for a new one)
 * and leaves the alert to store in {@link #takeChanges()}; the incident keeps only their {@link AlertSummary}.
 * Alerts come in bursts (Alertmanager resends the whole group each time; a grouping window gathers a storm), so the
 * timeline folds them ("340 more alerts of the group between 10:02 and 10:07") instead of a line per alert.
 */
final class IncidentAlerts {

    static final String ATTACHED = "alerts-attached";
    static final String FIRED_AGAIN = "alerts-fired-again";
    static final String RESOLVED = "alerts-resolved";

    /** An alert to store: {@code before} is null for a new one. */
    record Change(IncidentAlert before, IncidentAlert after) {
    }

    private final String incidentId;
    private AlertSummary summary;
    private final Timeline timeline;
    private final boolean ofGroup;
    private final List<Change> changes = new ArrayList<>();

    /** @param ofGroup whether the incident stands for a sender's group of alerts */
    IncidentAlerts(String incidentId, AlertSummary summary, Timeline timeline, boolean ofGroup) {
        this.incidentId = incidentId;
        this.summary = summary;
        this.timeline = timeline;
        this.ofGroup = ofGroup;
    }

    /**
     * @param stored the alert as stored with this incident; empty when it is new to it
     * @param why    why a new alert joins the incident, null when nothing needs saying
     */
    List<IncidentEvent> attach(AlertTriggered alert, Optional<IncidentAlert> stored, String why, Instant now) {
        if (stored.isPresent()) {
            IncidentAlert again = change(stored.get(), stored.get().firedAgain(now));
            if (!ofGroup) {
                timeline.fold(now, FIRED_AGAIN, (count, first, last) -> count == 1
                        ? "Alert " + alert.dedupKey() + " fired again (" + again.count() + " times)"
                        : count + " repeats of alerts " + Timeline.betweenTimesOfDay(first, last));
            }
            return List.of();
        }
        AlertAttached attached = add(alert, now);
        String what = ofGroup ? " of the group" : "";
        timeline.fold(now, ATTACHED, (count, first, last) -> count == 1
                ? "Alert " + alert.dedupKey() + what + " attached: " + alert.summary()
                        + (why == null ? "" : " (" + why + ")")
                : count + " more alerts" + what + " " + Timeline.betweenTimesOfDay(first, last)
                        + (why == null ? "" : " (" + why + ")"));
        return List.of(attached);
    }

    /** Adds a new alert without a timeline line: for the opening alert, which the "triggered" line already names. */
    AlertAttached add(AlertTriggered alert, Instant now) {
        IncidentAlert added = IncidentAlert.firstSeen(alert, summary.total() + 1L, now);
        summary = summary.attached(added);
        changes.add(new Change(null, added));
        return new AlertAttached(incidentId, alert.dedupKey(), alert.integrationType(), alert.summary(),
                alert.severity(), alert.source(), alert.links(), alert.startedAt(), now);
    }

    /**
     * Marks a firing alert as over.
     *
     * @param stored the alert as stored with this incident; empty when it has no such alert
     * @return whether this ended the last firing alert (told by the counts, not by reading every alert); false too for
     * an unknown alert or one already over
     */
    boolean resolve(Optional<IncidentAlert> stored, Instant now) {
        if (stored.isEmpty() || !stored.get().isFiring()) {
            return false;
        }
        String dedupKey = stored.get().dedupKey();
        change(stored.get(), stored.get().resolved(now));
        String what = ofGroup ? " of the group" : "";
        timeline.fold(now, RESOLVED, (count, first, last) -> count == 1
                ? "Alert " + dedupKey + what + " resolved"
                : count + " alerts" + what + " resolved " + Timeline.betweenTimesOfDay(first, last));
        return summary.allResolved();
    }

    private IncidentAlert change(IncidentAlert before, IncidentAlert after) {
        summary = summary.changed(before, after);
        changes.add(new Change(before, after));
        return after;
    }

    AlertSummary summary() {
        return summary;
    }

    /** The alerts this incident changed since it was loaded, to be stored with it; each is handed out once. */
    List<Change> takeChanges() {
        List<Change> taken = List.copyOf(changes);
        changes.clear();
        return taken;
    }
}
