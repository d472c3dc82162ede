package io.oncallhq.outbox;

import io.oncallhq.contracts.cloudevents.CloudEventCodec;
import org.springframework.data.mongodb.core.MongoOperations;

import java.util.function.BiFunction;

/**
 * Makes the {@link OutboxWriter} of each document type, all with the same relay and the same limits
 * ({@code oncallhq.outbox.write-attempts}, {@code oncallhq.outbox.applied-event-ids}). Auto-configured
 * ({@link OutboxAutoConfiguration}).
 */
public final class OutboxWriters {

    private final MongoOperations mongo;
    private final OutboxRelay relay;
    private final CloudEventCodec codec;
    private final int attempts;
    private final int keptEventIds;

    /**
     * @param attempts     how many times a write is tried in all when it keeps meeting a concurrent one
     * @param keptEventIds how many applied event ids each document remembers ({@link AppliedEventIds})
     */
    public OutboxWriters(MongoOperations mongo, OutboxRelay relay, CloudEventCodec codec, int attempts,
                         int keptEventIds) {
        if (attempts < 1 || keptEventIds < 1) {
            throw new IllegalArgumentException("attempts and kept event ids must be at least 1");
        }
        this.mongo = mongo;
        this.relay = relay;
        this.codec = codec;
        this.attempts = attempts;
        this.keptEventIds = keptEventIds;
    }

    /**
     * The writer of aggregates stored as this document type (its collection is the type's {@code @Document}).
     *
     * @param toDocument the document of an aggregate with the fields the writer keeps beside its state
     * @param routes     where its events go; {@link EventRoutes#NONE} for an aggregate that causes none
     */
    public <A, D extends OutboxDocument<A>> OutboxWriter<A, D> of(Class<D> documentType,
                                                                  BiFunction<A, OutboxFields, D> toDocument,
                                                                  EventRoutes routes) {
        return new OutboxWriter<>(mongo, relay, codec, documentType, toDocument, routes, attempts, keptEventIds);
    }
}
