package io.oncallhq.outbox;

import io.oncallhq.contracts.ContractEvent;
import io.oncallhq.contracts.cloudevents.CloudEventCodec;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoOperations;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The one way an aggregate and the events it causes are written: load its document, skip an event already applied
 * ({@link AppliedEventIds}), apply the change, save state, new outbox events and applied ids in one versioned write,
 * then wake the relay. A concurrent write (another instance, or the relay removing sent events) makes the save fail on
 * the version; the change then runs again on a fresh copy, up to {@code attempts} times in all, after which the
 * {@link OptimisticLockingFailureException} is thrown. So a change must act only on the aggregate it is given (changing
 * it in place, or returning its next state: {@link Change#replacedBy}), and do what must happen once only after the
 * writer returns.
 *
 * <p>Made by {@link OutboxWriters}, one per document type.
 *
 * @param <A> the aggregate, plain Java
 * @param <D> its document
 */
public final class OutboxWriter<A, D extends OutboxDocument<A>> {

    private final MongoOperations mongo;
    private final OutboxRelay relay;
    private final CloudEventCodec codec;
    private final Class<D> documentType;
    private final String collection;
    private final BiFunction<A, OutboxFields, D> toDocument;
    private final EventRoutes routes;
    private final int attempts;
    private final int keptEventIds;

    OutboxWriter(MongoOperations mongo, OutboxRelay relay, CloudEventCodec codec, Class<D> documentType,
                 BiFunction<A, OutboxFields, D> toDocument, EventRoutes routes, int attempts, int keptEventIds) {
        this.mongo = mongo;
        this.relay = relay;
        this.codec = codec;
        this.documentType = documentType;
        this.collection = mongo.getCollectionName(documentType);
        this.toDocument = toDocument;
        this.routes = routes;
        this.attempts = attempts;
        this.keptEventIds = keptEventIds;
    }

    /** Stores a new aggregate with its events; false when a document with its id exists already. */
    public boolean insert(A aggregate, List<? extends ContractEvent> events) {
        return insert(aggregate, AppliedEventIds.none(keptEventIds), events);
    }

    /** Stores a new aggregate made by an event, recording the event as applied; false when it exists already. */
    public boolean insert(A aggregate, String appliedEventId, List<? extends ContractEvent> events) {
        return insert(aggregate, AppliedEventIds.none(keptEventIds).with(appliedEventId), events);
    }

    private boolean insert(A aggregate, AppliedEventIds applied, List<? extends ContractEvent> events) {
        List<OutboxMessage> outbox = toOutbox(events);
        D document = toDocument.apply(aggregate, new OutboxFields(outbox, applied.ids(), null));
        try {
            mongo.insert(document);
        } catch (DuplicateKeyException alreadyThere) {
            return false;
        }
        wakeRelay(document.id(), outbox);
        return true;
    }

    /** Applies the change to the stored aggregate and saves it with its events; empty when there is no such document. */
    public Optional<Written<A>> update(String id, Function<? super A, Change<A>> change) {
        return write(id, null, change);
    }

    /**
     * Applies the event's change unless the aggregate applied the event before, and records it as applied in the
     * same write; empty when there is no such document.
     */
    public Optional<Written<A>> updateOnce(String id, String eventId, Function<? super A, Change<A>> change) {
        return write(id, eventId, change);
    }

    /** Whether the stored aggregate applied the event (among the last ones it remembers); false without a document. */
    public boolean hasApplied(String id, String eventId) {
        D stored = mongo.findById(id, documentType);
        return stored != null && AppliedEventIds.of(stored, keptEventIds).contains(eventId);
    }

    private Optional<Written<A>> write(String id, String eventId, Function<? super A, Change<A>> change) {
        for (int attempt = 1; ; attempt++) {
            D stored = mongo.findById(id, documentType);
            if (stored == null) {
                return Optional.empty();
            }
            A aggregate = stored.toAggregate();
            AppliedEventIds applied = AppliedEventIds.of(stored, keptEventIds);
            if (eventId != null && applied.contains(eventId)) {
                return Optional.of(Written.unchanged(aggregate));
            }
            Change<A> result = change.apply(aggregate);
            if (!result.isChanged()) {
                return Optional.of(Written.unchanged(aggregate));
            }
            A next = result.stateAfter(aggregate);
            List<OutboxMessage> outbox = new ArrayList<>(stored.outbox() == null ? List.of() : stored.outbox());
            outbox.addAll(toOutbox(result.events()));
            AppliedEventIds nowApplied = eventId == null ? applied : applied.with(eventId);
            D document = toDocument.apply(next, new OutboxFields(outbox, nowApplied.ids(), stored.version()));
            if (!id.equals(document.id())) {
                // Saved, it would overwrite the other aggregate's document, or fail on its version and be retried.
                throw new IllegalStateException("a change of " + collection + " " + id + " returned the state of "
                        + document.id() + ": a change makes the next state of the aggregate it is given, same id");
            }
            try {
                mongo.save(document);
            } catch (OptimisticLockingFailureException conflict) {
                if (attempt >= attempts) {
                    throw conflict;
                }
                continue;
            }
            wakeRelay(id, outbox);
            return Optional.of(Written.saved(next, result.events()));
        }
    }

    private List<OutboxMessage> toOutbox(List<? extends ContractEvent> events) {
        if (!events.isEmpty() && !relay.relays(collection)) {
            throw new IllegalStateException("events saved in " + collection + " would never be published: it is not "
                    + "among the relayed collections (oncallhq.outbox.collections)");
        }
        return events.stream().map(event -> OutboxMessage.of(routes.bindingOf().apply(event), codec, event,
                UUID.randomUUID().toString(), routes.timeOf().apply(event))).toList();
    }

    /** Also for events left by an earlier write whose relay failed: they go out now with the new ones. */
    private void wakeRelay(String id, List<OutboxMessage> outbox) {
        if (!outbox.isEmpty()) {
            relay.relaySoon(collection, id);
        }
    }
}
