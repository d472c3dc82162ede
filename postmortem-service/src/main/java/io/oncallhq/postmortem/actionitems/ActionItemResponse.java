package io.oncallhq.postmortem.actionitems;

import java.time.Instant;
import java.time.LocalDate;

/** An action item as the REST API shows it. */
public record ActionItemResponse(String id, String postmortemId, String incidentId, String teamId, String title,
                          String owner, LocalDate dueDate, String priority, String status, String issueUrl,
                          Instant createdAt, Instant updatedAt) {

    public static ActionItemResponse of(ActionItem item) {
        return new ActionItemResponse(item.id(), item.postmortemId(), item.incidentId(), item.teamId(), item.title(),
                item.owner(), item.dueDate(), item.priority().wire(), item.status().wire(), item.issueUrl(),
                item.createdAt(), item.updatedAt());
    }
}
