package io.oncallhq.postmortem.actionitems;

import io.oncallhq.postmortem.document.Postmortem;
import io.oncallhq.postmortem.document.PostmortemNotFoundException;
import io.oncallhq.postmortem.document.Postmortems;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Adds, changes and removes a post-mortem's action items; in any review state, since they are tracked until done. */
@Component
class TrackingActionItems {

    private final Postmortems postmortems;
    private final ActionItems actionItems;
    private final Clock clock;

    TrackingActionItems(Postmortems postmortems, ActionItems actionItems, Clock clock) {
        this.postmortems = postmortems;
        this.actionItems = actionItems;
        this.clock = clock;
    }

    List<ActionItem> of(String postmortemId) {
        requirePostmortem(postmortemId);
        return actionItems.ofPostmortem(postmortemId);
    }

    ActionItem get(String postmortemId, String id) {
        return actionItems.find(postmortemId, id).orElseThrow(() -> new ActionItemNotFoundException(postmortemId, id));
    }

    ActionItem add(String postmortemId, ActionItemFields fields) {
        Postmortem postmortem = requirePostmortem(postmortemId);
        Instant now = clock.instant();
        ActionItem item = new ActionItem(UUID.randomUUID().toString(), postmortemId, postmortem.incidentId(),
                postmortem.facts().teamId(), fields.title(), fields.owner(), fields.dueDate(), fields.priority(),
                fields.status(), fields.issueUrl(), null, now, now);
        actionItems.insert(item);
        return item;
    }

    /** Fields left null in {@code changes} keep their value. */
    ActionItem change(String postmortemId, String id, ActionItemFields changes) {
        get(postmortemId, id);
        Instant now = clock.instant();
        return actionItems.update(id, item -> item.withChanges(
                orElse(changes.title(), item.title()), orElse(changes.owner(), item.owner()),
                orElse(changes.dueDate(), item.dueDate()), orElse(changes.priority(), item.priority()),
                orElse(changes.status(), item.status()), orElse(changes.issueUrl(), item.issueUrl()), now))
                .orElseThrow(() -> new ActionItemNotFoundException(postmortemId, id)); // removed meanwhile
    }

    void remove(String postmortemId, String id) {
        if (!actionItems.delete(postmortemId, id)) {
            throw new ActionItemNotFoundException(postmortemId, id);
        }
    }

    private Postmortem requirePostmortem(String postmortemId) {
        return postmortems.find(postmortemId).orElseThrow(() -> new PostmortemNotFoundException(postmortemId));
    }

    private static <T> T orElse(T value, T fallback) {
        return value != null ? value : fallback;
    }

    /** What a request says about an item; null means "not given". */
    record ActionItemFields(String title, String owner, LocalDate dueDate, ActionItemPriority priority,
                            ActionItemStatus status, String issueUrl) {
    }
}
