package io.oncallhq.ingest.integration;

import io.oncallhq.ingest.intake.FieldViolation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How an integration's alerts form incidents: one per group the sender made (what Alertmanager users configure
 * {@code group_by} for; PagerDuty's and Grafana OnCall's integrations do the same), or one per alert (its dedup key).
 * Only formats that send groups can group by them.
 */
public enum Grouping {
    /** The alerts of one sender group form one incident, each keeping its own dedup key and state. */
    GROUP,
    /** Each alert (dedup key) is an incident of its own. */
    ALERT;

    static final String FIELD = "grouping";

    /** Also what an integration stored before the setting existed reads as. */
    static Grouping defaultFor(IntegrationType type) {
        return type.sendsGroups() ? GROUP : ALERT;
    }

    boolean allowedFor(IntegrationType type) {
        return this == ALERT || type.sendsGroups();
    }

    static FieldViolation notAllowedFor(IntegrationType type) {
        return new FieldViolation(FIELD, "must be alert for a " + type.wireName()
                + " integration: only alertmanager and grafana send groups");
    }

    /** The name stored in MongoDB and used in the admin API. */
    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return empty when the name is none of the groupings */
    static Optional<Grouping> parse(String name) {
        return Arrays.stream(values()).filter(grouping -> grouping.wireName().equals(name)).findFirst();
    }
}
