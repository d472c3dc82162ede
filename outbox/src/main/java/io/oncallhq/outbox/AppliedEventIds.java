package io.oncallhq.outbox;

import java.util.ArrayList;
import java.util.List;

/**
 * The ids of the last events applied to one aggregate, oldest first, kept in its document so that a redelivered event
 * is skipped (an idempotent consumer). Bounded: only the last {@code kept} are remembered
 * ({@code oncallhq.outbox.applied-event-ids}); a redelivery comes back within the consumer's retries or after a
 * rebalance, from the last committed offset, so it never finds more than one poll of other events applied since.
 */
final class AppliedEventIds {

    private final List<String> ids;
    private final int kept;

    private AppliedEventIds(List<String> ids, int kept) {
        this.ids = List.copyOf(ids.subList(Math.max(0, ids.size() - kept), ids.size()));
        this.kept = kept;
    }

    /** The document's record, also from the field documents stored before the writer kept (bounded on load). */
    static AppliedEventIds of(OutboxDocument<?> document, int kept) {
        List<String> ids = document.appliedEventIds() != null ? document.appliedEventIds()
                : document.processedEventIds() != null ? document.processedEventIds() : List.of();
        return new AppliedEventIds(ids, kept);
    }

    static AppliedEventIds none(int kept) {
        return new AppliedEventIds(List.of(), kept);
    }

    boolean contains(String eventId) {
        return ids.contains(eventId);
    }

    /** The record with this id as the newest, the oldest forgotten when there are more than {@code kept}. */
    AppliedEventIds with(String eventId) {
        List<String> added = new ArrayList<>(ids);
        added.add(eventId);
        return new AppliedEventIds(added, kept);
    }

    List<String> ids() {
        return ids;
    }
}
