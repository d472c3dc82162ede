package io.oncallhq.outbox;

import java.util.List;

/**
 * What {@link OutboxWriter} stores in a document beside the aggregate's state: the events waiting for the relay, the
 * ids of the events last applied, and the version the write expects.
 */
public record OutboxFields(List<OutboxMessage> outbox, List<String> appliedEventIds, Long version) {

    public OutboxFields {
        outbox = List.copyOf(outbox);
        appliedEventIds = List.copyOf(appliedEventIds);
    }
}
