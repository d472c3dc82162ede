package io.oncallhq.console.integrations;

import java.time.Instant;
import java.util.List;

/** alert-ingest's integration as its admin API shows it: key ids and times, never keys. */
public record Integration(String id, String serviceId, String name, String type, String grouping, Instant createdAt,
                          List<Key> keys) {

    /** Only Alertmanager and Grafana send groups; the other types make one incident per alert. */
    public boolean groupable() {
        return "alertmanager".equals(type) || "grafana".equals(type);
    }

    public boolean heartbeat() {
        return "heartbeat".equals(type);
    }

    public record Key(String id, Instant createdAt) {
    }

    /**
     * A heartbeat as alert-ingest shows it ({@code GET /integrations/{id}/heartbeat/settings}).
     *
     * @param state {@code up}, {@code overdue} (an alert is open) or {@code paused}
     * @param dueAt when the next ping is due; while overdue, the due time that was missed
     */
    public record Heartbeat(String integrationId, long intervalSeconds, long graceSeconds, String state,
                            Instant lastPingAt, Instant dueAt) {
    }

    /** The one answer that holds a key's secret: to be shown once and never stored by the console. */
    public record NewKey(String id, String secret, Instant createdAt) {
    }
}
