package io.oncallhq.ingest.integration;

import java.util.Locale;

/**
 * A payload format, each with its own endpoint. Any integration's key works on every endpoint (the endpoint
 * chooses how the body is read); an integration's stored type only says what it was set up for.
 */
public enum IntegrationType {
    GENERIC, ALERTMANAGER, GRAFANA, PAGERDUTY;

    /** The name stored in MongoDB and carried as {@code integrationType} in the events. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static IntegrationType fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
