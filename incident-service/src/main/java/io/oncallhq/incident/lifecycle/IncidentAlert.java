package io.oncallhq.incident.lifecycle;

import io.oncallhq.contracts.Severity;
import io.oncallhq.contracts.alert.AlertLink;
import io.oncallhq.contracts.alert.AlertTriggered;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One alert (one dedup key) grouped into an incident, with how often it fired. Stored as a document of its own beside
 * the incident, so that an incident's size does not grow with its alerts.
 *
 * @param number its place among the incident's alerts in the order they were attached (1 for the one that opened it);
 *               null only in alerts inside incidents stored before it was kept, until they are moved out
 * @param labels the sender's labels, as {@code name=value}
 */
public record IncidentAlert(
        String dedupKey,
        String summary,
        Severity severity,
        AlertStatus status,
        Instant firstSeenAt,
        Instant lastSeenAt,
        int count,
        Long number,
        String source,
        List<String> labels,
        List<AlertLink> links) {

    public enum AlertStatus { FIRING, RESOLVED }

    static IncidentAlert firstSeen(AlertTriggered alert, Long number, Instant now) {
        List<String> labels = alert.labels() == null ? List.of() : alert.labels().entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).map(label -> label.getKey() + "=" + label.getValue()).toList();
        return new IncidentAlert(alert.dedupKey(), alert.summary(), alert.severity(), AlertStatus.FIRING, now, now, 1,
                number, alert.source(), labels, alert.links() == null ? List.of() : alert.links());
    }

    IncidentAlert firedAgain(Instant now) {
        return new IncidentAlert(dedupKey, summary, severity, AlertStatus.FIRING, firstSeenAt, now, count + 1, number,
                source, labels, links);
    }

    IncidentAlert resolved(Instant now) {
        return new IncidentAlert(dedupKey, summary, severity, AlertStatus.RESOLVED, firstSeenAt, now, count, number,
                source, labels, links);
    }

    /** The same alert at its place among the incident's alerts: for alerts stored before the place was kept. */
    IncidentAlert numbered(Long number) {
        return new IncidentAlert(dedupKey, summary, severity, status, firstSeenAt, lastSeenAt, count, number, source,
                labels, links);
    }

    boolean isFiring() {
        return status == AlertStatus.FIRING;
    }
}
