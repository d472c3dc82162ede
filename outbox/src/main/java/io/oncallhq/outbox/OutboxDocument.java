package io.oncallhq.outbox;

import java.util.List;

/**
 * How an aggregate is stored for {@link OutboxWriter}: its state, plus the fields the writer keeps beside it
 * ({@link OutboxFields}), all in one document so that they are written together. Implemented by each service's
 * document record; the aggregate itself stays plain Java.
 *
 * @param <A> the aggregate the document stores
 */
public interface OutboxDocument<A> {

    /** The document's {@code _id}. */
    String id();

    /** The aggregate as stored. */
    A toAggregate();

    /** The events waiting for the relay, oldest first; null in documents stored before they had an outbox. */
    List<OutboxMessage> outbox();

    /** The ids of the last events applied ({@link AppliedEventIds}); null in documents stored before the writer. */
    List<String> appliedEventIds();

    /**
     * The ids documents stored before the writer kept under this name, bounded or not: read instead of a missing
     * {@link #appliedEventIds()}, bounded, and dropped by the next save. A document that never had them keeps this
     * default.
     */
    default List<String> processedEventIds() {
        return null;
    }

    /** The optimistic-locking version (Spring Data {@code @Version}, field {@code version}); null before the insert. */
    Long version();
}
