package io.oncallhq.incident.lifecycle;

import java.util.ArrayList;
import java.util.List;

/**
 * The ids of the messages that already changed this incident, stored with it so that a redelivered message is
 * skipped (an idempotent consumer). Only the newest are kept.
 */
final class ProcessedEventIds {

    /** Older redeliveries are past any broker retry. */
    static final int KEPT = 500;

    private final List<String> ids;

    ProcessedEventIds(List<String> ids) {
        this.ids = new ArrayList<>(ids);
    }

    boolean contains(String eventId) {
        return ids.contains(eventId);
    }

    void add(String eventId) {
        ids.add(eventId);
        if (ids.size() > KEPT) {
            ids.subList(0, ids.size() - KEPT).clear();
        }
    }

    List<String> list() {
        return List.copyOf(ids);
    }
}
