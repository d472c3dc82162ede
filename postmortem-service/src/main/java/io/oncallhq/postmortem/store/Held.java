package io.oncallhq.postmortem.store;

import io.oncallhq.outbox.Change;

import java.util.Optional;
import java.util.function.Function;

/**
 * An immutable aggregate as {@link io.oncallhq.outbox.OutboxWriter} holds it. The writer hands its change the
 * aggregate it then saves, which suits mutable aggregates; this service's are records, so a change replaces the one
 * held here instead. Each attempt of a write gets a fresh holder with the aggregate as stored.
 *
 * @param <T> the aggregate
 */
public final class Held<T> {

    private T value;

    public Held(T value) {
        this.value = value;
    }

    public T get() {
        return value;
    }

    /** The aggregate the write saves: what the change made of it. */
    public void set(T changed) {
        value = changed;
    }

    /** A change that causes no event: replaces the held aggregate with {@code next}'s, unchanged when that is empty. */
    public static <T> Function<Held<T>, Change> replacing(Function<? super T, Optional<T>> next) {
        return held -> next.apply(held.value).map(changed -> {
            held.value = changed;
            return Change.changed();
        }).orElseGet(Change::unchanged);
    }
}
