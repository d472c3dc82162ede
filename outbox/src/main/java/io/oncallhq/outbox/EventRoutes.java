package io.oncallhq.outbox;

import io.oncallhq.contracts.ContractEvent;

import java.time.Instant;
import java.util.function.Function;

/**
 * Where {@link OutboxWriter} sends an aggregate's events: the output binding of each, and the time it carries
 * (CloudEvents {@code time}), which is when the aggregate says it happened.
 */
public record EventRoutes(Function<ContractEvent, String> bindingOf, Function<ContractEvent, Instant> timeOf) {

    /** For aggregates that cause no events: one returned by a change is refused before anything is saved. */
    public static final EventRoutes NONE = new EventRoutes(EventRoutes::refuse, EventRoutes::refuse);

    private static <T> T refuse(ContractEvent event) {
        throw new IllegalArgumentException("this aggregate publishes no events, not " + event.getClass().getName());
    }
}
