package io.oncallhq.outbox;

import io.oncallhq.contracts.ContractEvent;

import java.util.List;

/**
 * What a change function did to the aggregate it was given: nothing (nothing is saved, and the event id is not
 * recorded: a redelivery asks the change again), or changed it and caused these events (possibly none).
 */
public final class Change {

    private static final Change UNCHANGED = new Change(false, List.of());

    private final boolean changed;
    private final List<ContractEvent> events;

    private Change(boolean changed, List<? extends ContractEvent> events) {
        this.changed = changed;
        this.events = List.copyOf(events);
    }

    public static Change unchanged() {
        return UNCHANGED;
    }

    public static Change changed(List<? extends ContractEvent> events) {
        return new Change(true, events);
    }

    public static Change changed(ContractEvent... events) {
        return changed(List.of(events));
    }

    public boolean isChanged() {
        return changed;
    }

    public List<ContractEvent> events() {
        return events;
    }
}
