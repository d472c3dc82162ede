package io.oncallhq.console.incidents;

import java.time.Instant;
import java.util.Locale;

/** A row of incident-service's {@code GET /incidents}. */
public record IncidentSummary(String id, long number, String serviceId, String serviceName, String teamId, String title,
                       String severity, String priority, String status, Instant triggeredAt, Instant acknowledgedAt,
                       Instant resolvedAt, int alertCount) {

    public boolean open() {
        return !"resolved".equals(statusName());
    }

    public String statusName() {
        return status == null ? "" : status.toLowerCase(Locale.ROOT);
    }

    public String severityName() {
        return severity == null ? "" : severity.toLowerCase(Locale.ROOT);
    }
}
