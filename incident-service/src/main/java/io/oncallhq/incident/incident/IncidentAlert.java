package io.oncallhq.incident.incident;

import io.oncallhq.contracts.Severity;

import java.time.Instant;

/** One alert (one dedup key) grouped into an incident, with how often it fired. */
public record IncidentAlert(
        String dedupKey,
        String summary,
        Severity severity,
        AlertStatus status,
        Instant firstSeenAt,
        Instant lastSeenAt,
        int count) {

    public enum AlertStatus { FIRING, RESOLVED }

    static IncidentAlert firstSeen(String dedupKey, String summary, Severity severity, Instant now) {
        return new IncidentAlert(dedupKey, summary, severity, AlertStatus.FIRING, now, now, 1);
    }

    IncidentAlert firedAgain(Instant now) {
        return new IncidentAlert(dedupKey, summary, severity, AlertStatus.FIRING, firstSeenAt, now, count + 1);
    }

    IncidentAlert resolved(Instant now) {
        return new IncidentAlert(dedupKey, summary, severity, AlertStatus.RESOLVED, firstSeenAt, now, count);
    }

    boolean isFiring() {
        return status == AlertStatus.FIRING;
    }
}
