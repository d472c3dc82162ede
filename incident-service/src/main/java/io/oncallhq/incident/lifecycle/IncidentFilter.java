package io.oncallhq.incident.lifecycle;

import io.oncallhq.contracts.Severity;

import java.time.Instant;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@code GET /incidents} asks for; every field is typed and optional (null: any).
 *
 * @param statuses incidents in one of these states; null or empty: any
 * @param from     incidents triggered at or after this instant
 * @param to       incidents triggered before this instant
 */
public record IncidentFilter(Set<IncidentStatus> statuses, String serviceId, String teamId, Severity severity,
                             Instant from, Instant to) {

    /** Not resolved: what a responder's list shows first. */
    public static final Set<IncidentStatus> OPEN = Set.of(IncidentStatus.TRIGGERED, IncidentStatus.ACKNOWLEDGED);

    public IncidentFilter {
        // Sorted, so that the canonical text (and the cursor carrying it) is the same for the same states.
        statuses = statuses == null || statuses.isEmpty() ? null : Collections.unmodifiableSet(new TreeSet<>(statuses));
    }

    /** The same filter always gives the same text; a cursor carries it, so it cannot be used with another filter. */
    String canonical() {
        return statuses + "|" + serviceId + "|" + teamId + "|" + severity + "|" + from + "|" + to;
    }
}
