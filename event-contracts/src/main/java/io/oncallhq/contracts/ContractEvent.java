package io.oncallhq.contracts;

/**
 * Something one service tells the others through Kafka. Each implementation is an immutable record
 * annotated with its {@link EventType}; the record never carries entities, only ids and values.
 */
public interface ContractEvent {

    /** The Kafka record key: events with the same key keep their order. */
    String partitionKey();

    /** The CloudEvents {@code subject}: the incident or alert the event is about. */
    String subject();
}
