package io.oncallhq.contracts.incident;

import io.oncallhq.contracts.EventType;

import java.time.Instant;

/**
 * The incident was opened without paging anyone, and why: a silence or maintenance window matched its alert.
 *
 * @param silenceId the silence or maintenance window that matched
 * @param reason    a sentence for the timeline, such as {@code not paged: maintenance window "db upgrade"}
 */
@EventType("incident.paging-suppressed.v1")
public record PagingSuppressed(String incidentId, String silenceId, String reason, Instant occurredAt)
        implements IncidentEvent {
}
