package io.oncallhq.incident.lifecycle;

import io.oncallhq.contracts.Severity;

import java.time.Instant;

/**
 * What {@code GET /incidents} asks for; every field is typed and optional (null: any).
 *
 * @param from incidents triggered at or after this instant
 * @param to   incidents triggered before this instant
 */
public record IncidentFilter(IncidentStatus status, String serviceId, String teamId, Severity severity, Instant from,
                             Instant to) {

    /** The same filter always gives the same text; a cursor carries it, so it cannot be used with another filter. */
    String canonical() {
        return status + "|" + serviceId + "|" + teamId + "|" + severity + "|" + from + "|" + to;
    }
}
