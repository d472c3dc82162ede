package io.oncallhq.ingest.integration;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A payload format, each with its own endpoints (PagerDuty's: alert and change events), or a heartbeat. Any
 * integration's key works on every sender endpoint (the endpoint chooses how the body is read); an integration's
 * stored type only says what it was set up for. Only a heartbeat integration has a heartbeat to ping.
 */
public enum IntegrationType {
    GENERIC, ALERTMANAGER, GRAFANA, PAGERDUTY, HEARTBEAT;

    /** Whether its payloads group alerts ({@code groupKey}), so an integration of it can open one incident per group. */
    boolean sendsGroups() {
        return this == ALERTMANAGER || this == GRAFANA;
    }

    /** The name stored in MongoDB and carried as {@code integrationType} in the events. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static IntegrationType fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** @return empty when the name is none of the types */
    public static Optional<IntegrationType> parse(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName().equals(name)).findFirst();
    }
}
