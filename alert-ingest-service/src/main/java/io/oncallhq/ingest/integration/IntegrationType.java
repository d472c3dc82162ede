package io.oncallhq.ingest.integration;

import java.util.Locale;

/** The payload format an integration speaks; each has its own endpoint. Alertmanager, Grafana, PagerDuty v2 follow. */
public enum IntegrationType {
    GENERIC;

    /** The name stored in MongoDB and carried as {@code integrationType} in the events. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static IntegrationType fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
