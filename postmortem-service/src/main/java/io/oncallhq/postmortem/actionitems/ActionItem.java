package io.oncallhq.postmortem.actionitems;

import io.oncallhq.contracts.postmortem.ActionItemOverdue;
import io.oncallhq.outbox.OutboxMessage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A follow-up the team commits to so the failure does not repeat, tracked until done (or deliberately not done).
 * Kept in its own document so that tracking it never conflicts with edits of the post-mortem's text.
 *
 * @param teamId              copied from the post-mortem, for lists across post-mortems
 * @param issueUrl            an optional link to the issue tracker
 * @param overdueAnnouncedFor the due date whose passing was last announced; a new due date is announced anew
 * @param outbox              events waiting to be relayed (the overdue announcement)
 * @param version             the optimistic-locking version of the stored document; 0 before the first save
 */
public record ActionItem(
        String id,
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
        long version) {

    public ActionItem {
        priority = priority == null ? ActionItemPriority.MEDIUM : priority;
        status = status == null ? ActionItemStatus.OPEN : status;
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
    }

    /** Open, with a due date before {@code today}. */
    public boolean isOverdueOn(LocalDate today) {
        return status == ActionItemStatus.OPEN && dueDate != null && dueDate.isBefore(today);
    }

    /**
     * The announcement owed when the item is overdue and this due date was not announced yet; empty otherwise,
     * so checking again (or after a restart) announces nothing twice.
     */
    public Optional<ActionItemOverdue> overdueAnnouncement(LocalDate today, String postmortemUrl, Instant now) {
        if (!isOverdueOn(today) || dueDate.equals(overdueAnnouncedFor)) {
            return Optional.empty();
        }
        return Optional.of(new ActionItemOverdue(postmortemId, incidentId, teamId, id, title, owner, dueDate,
                postmortemUrl, now));
    }

    /** The item once its overdue announcement is recorded, with the event waiting in its outbox. */
    public ActionItem announcedOverdue(OutboxMessage announcement) {
        List<OutboxMessage> waiting = new ArrayList<>(outbox);
        waiting.add(announcement);
        return new ActionItem(id, postmortemId, incidentId, teamId, title, owner, dueDate, priority, status, issueUrl,
                dueDate, createdAt, updatedAt, waiting, version);
    }

    public ActionItem withChanges(String newTitle, String newOwner, LocalDate newDueDate,
                                  ActionItemPriority newPriority, ActionItemStatus newStatus, String newIssueUrl,
                                  Instant now) {
        return new ActionItem(id, postmortemId, incidentId, teamId, newTitle, newOwner, newDueDate, newPriority,
                newStatus, newIssueUrl, overdueAnnouncedFor, createdAt, now, outbox, version);
    }

    public ActionItem withoutOutbox() {
        return new ActionItem(id, postmortemId, incidentId, teamId, title, owner, dueDate, priority, status, issueUrl,
                overdueAnnouncedFor, createdAt, updatedAt, List.of(), version);
    }

    ActionItem withVersion(long newVersion) {
        return new ActionItem(id, postmortemId, incidentId, teamId, title, owner, dueDate, priority, status, issueUrl,
                overdueAnnouncedFor, createdAt, updatedAt, outbox, newVersion);
    }
}
