package io.oncallhq.contracts.alert;

import io.oncallhq.contracts.EventType;
import io.oncallhq.contracts.Severity;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A monitoring system reports a problem (or reports it again: the same dedup key may arrive many times).
 *
 * @param integrationId   the integration the alert came through
 * @param integrationType {@code generic}, {@code alertmanager}, {@code grafana}, {@code pagerduty}, {@code heartbeat}
 * @param groupKey        the sender's group (Alertmanager {@code groupKey}), when it has one
 * @param source          where the problem is (host, job, component), as the sender named it
 * @param startedAt       when the problem started according to the sender
 * @param receivedAt      when alert-ingest accepted it
 * @param rawPayload      the sender's request body, truncated to a bounded size, kept as evidence
 * @param incidentGroup   alerts of one service with the same incident group form one incident (each keeping its own
 *                        dedup key and state): alert-ingest sets it to {@code <integrationId>:<groupKey>} when the
 *                        integration groups by the sender's group (Alertmanager, Grafana); null: one incident per
 *                        dedup key, as in events written before it
 */
@EventType("alert.triggered.v1")
public record AlertTriggered(
        String serviceId,
        String integrationId,
        String integrationType,
        String dedupKey,
        String groupKey,
        String summary,
        Severity severity,
        String source,
        Map<String, String> labels,
        Map<String, String> annotations,
        Map<String, Object> details,
        List<AlertLink> links,
        Instant startedAt,
        Instant receivedAt,
        String rawPayload,
        String incidentGroup) implements AlertEvent {

    /** An alert that is its own incident (no incident group). */
    public AlertTriggered(String serviceId, String integrationId, String integrationType, String dedupKey,
                          String groupKey, String summary, Severity severity, String source, Map<String, String> labels,
                          Map<String, String> annotations, Map<String, Object> details, List<AlertLink> links,
                          Instant startedAt, Instant receivedAt, String rawPayload) {
        this(serviceId, integrationId, integrationType, dedupKey, groupKey, summary, severity, source, labels,
                annotations, details, links, startedAt, receivedAt, rawPayload, null);
    }
}
