package io.oncallhq.outbox;

import io.oncallhq.contracts.ContractEvent;

import java.util.List;

/**
 * What {@link OutboxWriter} did with one write: the aggregate as it now is (the change's replacement, if it made one),
 * whether it was saved (false: the change changed nothing, or the event was applied before), and the events saved
 * with it.
 */
public record Written<A>(A aggregate, boolean saved, List<ContractEvent> events) {

    static <A> Written<A> unchanged(A aggregate) {
        return new Written<>(aggregate, false, List.of());
    }

    static <A> Written<A> saved(A aggregate, List<ContractEvent> events) {
        return new Written<>(aggregate, true, events);
    }
}
