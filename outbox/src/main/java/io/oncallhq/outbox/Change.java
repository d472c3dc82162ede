package io.oncallhq.outbox;

import io.oncallhq.contracts.ContractEvent;

import java.util.List;
import java.util.Objects;

/**
 * What a change function did to the aggregate it was given: nothing (nothing is saved, and the event id is not
 * recorded: a redelivery asks the change again), changed it in place (a mutable aggregate), or made its next state (an
 * immutable one, {@link #replacedBy}); either way it caused these events (possibly none).
 *
 * @param <A> the aggregate
 */
public final class Change<A> {

    private static final Change<?> UNCHANGED = new Change<>(false, null, List.of());

    private final boolean changed;
    /** Null when the aggregate given to the change was changed in place. */
    private final A replacement;
    private final List<ContractEvent> events;

    private Change(boolean changed, A replacement, List<? extends ContractEvent> events) {
        this.changed = changed;
        this.replacement = replacement;
        this.events = List.copyOf(events);
    }

    @SuppressWarnings("unchecked") // it holds no state, so it is the same for every aggregate type
    public static <A> Change<A> unchanged() {
        return (Change<A>) UNCHANGED;
    }

    /** The change changed the aggregate it was given, which is saved. */
    public static <A> Change<A> changed(List<? extends ContractEvent> events) {
        return new Change<>(true, null, events);
    }

    /** @see #changed(List) */
    public static <A> Change<A> changed(ContractEvent... events) {
        return changed(List.of(events));
    }

    /**
     * {@code next} is saved instead of the aggregate given to the change: its next state, so with the same id (the
     * writer refuses another one before writing anything).
     */
    public static <A> Change<A> replacedBy(A next, ContractEvent... events) {
        return new Change<>(true, Objects.requireNonNull(next, "the next state"), List.of(events));
    }

    public boolean isChanged() {
        return changed;
    }

    public List<ContractEvent> events() {
        return events;
    }

    /** What the writer saves: the replacement, or the aggregate given to the change, changed in place. */
    A stateAfter(A given) {
        return replacement == null ? given : replacement;
    }
}
