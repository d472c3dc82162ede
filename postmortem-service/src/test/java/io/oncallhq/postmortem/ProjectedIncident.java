package io.oncallhq.postmortem;

import io.oncallhq.contracts.incident.AlertAttached;
import io.oncallhq.contracts.incident.IncidentEvent;
import io.oncallhq.postmortem.RecordedIncident.Recorded;
import io.oncallhq.postmortem.change.ServiceChange;
import io.oncallhq.postmortem.drafting.IncidentFacts;
import io.oncallhq.postmortem.history.IncidentAlert;
import io.oncallhq.postmortem.history.IncidentHistory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Events projected as {@code IncidentHistories} projects them, the alerts kept in memory as {@code IncidentAlerts}
 * keeps them (one per dedup key, described by the occurrence that started first): for the domain without a database.
 */
public final class ProjectedIncident {

    private IncidentHistory history;
    private final Map<String, IncidentAlert> alerts = new HashMap<>();

    private ProjectedIncident(String incidentId) {
        history = IncidentHistory.empty(incidentId);
    }

    public static ProjectedIncident projected(String incidentId, List<Recorded> events) {
        ProjectedIncident projected = new ProjectedIncident(incidentId);
        events.forEach(recorded -> projected.record(recorded.id(), recorded.event()));
        return projected;
    }

    public ProjectedIncident record(String eventId, IncidentEvent event) {
        if (event instanceof AlertAttached attached) {
            IncidentAlert alert = IncidentAlert.of(attached);
            IncidentAlert stored = alerts.get(alert.dedupKey());
            if (stored == null || alert.startedAt() != null
                    && (stored.startedAt() == null || alert.startedAt().isBefore(stored.startedAt()))) {
                alerts.put(alert.dedupKey(), alert);
            }
            history = history.attach(eventId, attached, stored == null).orElse(history);
        } else {
            history = history.apply(eventId, event).orElse(history);
        }
        return this;
    }

    public IncidentHistory history() {
        return history;
    }

    public List<IncidentAlert> firstAlerts() {
        return alerts.values().stream().sorted(IncidentAlert.ORDER).limit(IncidentFacts.ALERTS_LISTED).toList();
    }

    public IncidentFacts facts(List<ServiceChange> changes) {
        return IncidentFacts.of(history, firstAlerts(), changes);
    }

    public IncidentFacts facts() {
        return facts(List.of());
    }
}
