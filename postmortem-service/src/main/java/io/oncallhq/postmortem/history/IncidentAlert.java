package io.oncallhq.postmortem.history;

import io.oncallhq.contracts.Severity;

import java.time.Instant;
import java.util.List;

/** An alert that became part of the incident, as the monitoring system described it. */
public record IncidentAlert(
        String dedupKey,
        String summary,
        Severity severity,
        String source,
        List<Link> links,
        Instant startedAt) {
}
