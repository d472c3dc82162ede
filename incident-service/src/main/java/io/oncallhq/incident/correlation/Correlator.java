package io.oncallhq.incident.correlation;

import io.oncallhq.incident.incident.Incident;

import java.util.List;

/**
 * Decides which incident a triggered alert belongs to. For now an alert joins the open incident of its service
 * that already holds its dedup key; grouping windows and flap control will refine this decision here.
 */
final class Correlator {

    /** @param openIncidents the service's incidents that are not resolved, oldest first */
    CorrelationDecision decide(String dedupKey, List<Incident> openIncidents) {
        return openIncidents.stream()
                .filter(Incident::isOpen)
                .filter(incident -> incident.hasAlert(dedupKey))
                .findFirst()
                .<CorrelationDecision>map(incident -> new CorrelationDecision.AttachTo(incident.id()))
                .orElseGet(CorrelationDecision.OpenNew::new);
    }
}
