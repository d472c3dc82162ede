package io.oncallhq.postmortem.actionitems;

import io.oncallhq.contracts.postmortem.ActionItemOverdue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A follow-up the team commits to so the failure does not repeat, tracked until done (or deliberately not done).
 * Kept in its own document so that tracking it never conflicts with edits of the post-mortem's text.
 *
 * @param teamId              copied from the post-mortem, for lists across post-mortems
 * @param issueUrl            an optional link to the issue tracker
 * @param overdueAnnouncedFor the due date whose passing was last announced; a new due date is announced anew
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
        Instant updatedAt) {

    public ActionItem {
        priority = priority == null ? ActionItemPriority.MEDIUM : priority;
        status = status == null ? ActionItemStatus.OPEN : status;
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

    /** The item once its overdue announcement is recorded (saved with the event, {@link ActionItems}). */
    public ActionItem announcedOverdue() {
        return new ActionItem(id, postmortemId, incidentId, teamId, title, owner, dueDate, priority, status, issueUrl,
                dueDate, createdAt, updatedAt);
    }

    public ActionItem withChanges(String newTitle, String newOwner, LocalDate newDueDate,
                                  ActionItemPriority newPriority, ActionItemStatus newStatus, String newIssueUrl,
                                  Instant now) {
        return new ActionItem(id, postmortemId, incidentId, teamId, newTitle, newOwner, newDueDate, newPriority,
                newStatus, newIssueUrl, overdueAnnouncedFor, createdAt, now);
    }
}
