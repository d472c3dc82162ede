package io.oncallhq.postmortem.actionitems;

import io.oncallhq.outbox.OutboxDocument;
import io.oncallhq.outbox.OutboxFields;
import io.oncallhq.outbox.OutboxMessage;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * How an action item is stored: its state, its overdue announcements waiting for the relay and the version, written
 * together by the outbox writer. No event id identifies what changes an item (REST calls and the overdue check), so
 * {@code appliedEventIds} stays empty.
 */
@Document(ActionItems.COLLECTION)
record ActionItemDocument(
        @Id String id,
        String postmortemId,
        String incidentId,
        String teamId,
        String title,
        String owner,
        LocalDate dueDate,
        ActionItemPriority priority,
        ActionItemStatus status,
        String issueUrl,
        LocalDate overdueAnnouncedFor,
        Instant createdAt,
        Instant updatedAt,
        List<OutboxMessage> outbox,
        List<String> appliedEventIds,
        @Version Long version) implements OutboxDocument<ActionItem> {

    static ActionItemDocument of(ActionItem item, OutboxFields fields) {
        return new ActionItemDocument(item.id(), item.postmortemId(), item.incidentId(), item.teamId(), item.title(),
                item.owner(), item.dueDate(), item.priority(), item.status(), item.issueUrl(),
                item.overdueAnnouncedFor(), item.createdAt(), item.updatedAt(), fields.outbox(),
                fields.appliedEventIds(), fields.version());
    }

    @Override
    public ActionItem toAggregate() {
        return new ActionItem(id, postmortemId, incidentId, teamId, title, owner, dueDate, priority, status, issueUrl,
                overdueAnnouncedFor, createdAt, updatedAt);
    }
}
