package io.oncallhq.notification.paging;

import io.oncallhq.contracts.page.PageTarget;
import io.oncallhq.outbox.Change;
import io.oncallhq.outbox.EventRoutes;
import io.oncallhq.outbox.OutboxDocument;
import io.oncallhq.outbox.OutboxFields;
import io.oncallhq.outbox.OutboxMessage;
import io.oncallhq.outbox.OutboxWriter;
import io.oncallhq.outbox.OutboxWriters;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The stored digests (collection {@value #COLLECTION}, {@code _id} = digest id), written through the outbox writer.
 * They cause no events.
 */
@Component
public class PageDigests {

    public static final String COLLECTION = "page_digests";

    private final MongoTemplate mongo;
    private final OutboxWriter<PageDigest, Stored> writer;

    PageDigests(MongoTemplate mongo, OutboxWriters writers) {
        this.mongo = mongo;
        this.writer = writers.of(Stored.class, Stored::of, EventRoutes.NONE);
        mongo.indexOps(COLLECTION).createIndex(new Index("destination", Sort.Direction.ASC)
                .on("lastAddedAt", Sort.Direction.DESC).named("destination_last_added"));
    }

    Optional<PageDigest> find(String digestId) {
        return Optional.ofNullable(mongo.findById(digestId, Stored.class)).map(Stored::toAggregate);
    }

    /** The incidents of the digest, each once; empty when there is no such digest. */
    public Optional<List<String>> incidentsOf(String digestId) {
        return find(digestId).map(PageDigest::incidentIds);
    }

    /** The latest digest of each service to the destination that took in a page since then, by service id. */
    Map<String, PageDigest> latestByService(String destination, Instant since) {
        return mongo.find(query(where("destination").is(destination).and("lastAddedAt").gte(since)), Stored.class)
                .stream().map(Stored::toAggregate)
                .collect(Collectors.toMap(digest -> Objects.toString(digest.serviceId()), Function.identity(),
                        (one, other) -> Comparator.comparing(PageDigest::lastAddedAt).compare(one, other) >= 0
                                ? one : other));
    }

    void insert(PageDigest digest) {
        writer.insert(digest, List.of());
    }

    /** Loads, changes and saves the digest, again on a fresh copy after a concurrent write. */
    void update(String digestId, Consumer<PageDigest> change) {
        writer.update(digestId, digest -> {
            change.accept(digest);
            return Change.changed();
        }).orElseThrow(() -> new IllegalStateException("no digest " + digestId));
    }

    @Document(COLLECTION)
    record Stored(@Id String id, String destination, String address, PageTarget responder, String serviceId,
                  String serviceName, List<PageDigest.Entry> entries, SentPage sent, Instant lastAddedAt,
                  List<OutboxMessage> outbox, List<String> appliedEventIds, @Version Long version)
            implements OutboxDocument<PageDigest> {

        static Stored of(PageDigest digest, OutboxFields fields) {
            return new Stored(digest.id(), digest.destination(), digest.address(), digest.responder(),
                    digest.serviceId(), digest.serviceName(), digest.entries(), digest.sent(), digest.lastAddedAt(),
                    fields.outbox(), fields.appliedEventIds(), fields.version());
        }

        @Override
        public PageDigest toAggregate() {
            return new PageDigest(id, destination, address, responder, serviceId, serviceName,
                    entries == null ? List.of() : entries, sent, lastAddedAt);
        }
    }
}
