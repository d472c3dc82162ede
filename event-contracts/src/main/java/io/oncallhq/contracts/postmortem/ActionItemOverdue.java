package io.oncallhq.contracts.postmortem;

import io.oncallhq.contracts.EventType;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An action item of a post-mortem passed its due date while still open; announced once per item and due date.
 *
 * @param ownerId the responder who owns the item, when it has one
 */
@EventType("postmortem.action-item-overdue.v1")
public record ActionItemOverdue(
        String postmortemId,
        String incidentId,
        String teamId,
        String actionItemId,
        String title,
        String ownerId,
        LocalDate dueDate,
        String postmortemUrl,
        Instant occurredAt) implements PostmortemEvent {
}
