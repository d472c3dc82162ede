package io.oncallhq.console.integrations;

import tools.jackson.databind.JsonNode;

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
     * A heartbeat as alert-ingest answers a change to it; it has no admin read of it, so this is shown once, after a
     * change.
     *
     * @param state {@code up}, {@code overdue} (an alert is open) or {@code paused}
     */
    public record Heartbeat(String integrationId, long intervalSeconds, long graceSeconds, String state,
                            Instant lastPingAt, Instant dueAt) {

        static Heartbeat of(JsonNode answer) {
            return new Heartbeat(answer.path("integrationId").asString(), answer.path("intervalSeconds").asLong(),
                    answer.path("graceSeconds").asLong(), answer.path("state").asString(),
                    instant(answer.path("lastPingAt")), instant(answer.path("dueAt")));
        }

        private static Instant instant(JsonNode at) {
            return at.isString() ? Instant.parse(at.asString()) : null;
        }
    }

    /** The one answer that holds a key's secret: to be shown once and never stored by the console. */
    public record NewKey(String id, String secret, Instant createdAt) {
    }
}
