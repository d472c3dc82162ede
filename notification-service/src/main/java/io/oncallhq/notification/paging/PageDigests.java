package io.oncallhq.notification.paging;

import io.oncallhq.contracts.page.PageTarget;
import org.springframework.dao.OptimisticLockingFailureException;
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

/** The stored digests (collection {@value #COLLECTION}, {@code _id} = digest id). */
@Component
public class PageDigests {

    public static final String COLLECTION = "page_digests";
    private static final int MAX_ATTEMPTS = 10;

    private final MongoTemplate mongo;

    PageDigests(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index("destination", Sort.Direction.ASC)
                .on("lastAddedAt", Sort.Direction.DESC).named("destination_last_added"));
    }

    Optional<PageDigest> find(String digestId) {
        return Optional.ofNullable(mongo.findById(digestId, Stored.class)).map(Stored::toDigest);
    }

    /** The incidents of the digest, each once; empty when there is no such digest. */
    public Optional<List<String>> incidentsOf(String digestId) {
        return find(digestId).map(PageDigest::incidentIds);
    }

    /** The latest digest of each service to the destination that took in a page since then, by service id. */
    Map<String, PageDigest> latestByService(String destination, Instant since) {
        return mongo.find(query(where("destination").is(destination).and("lastAddedAt").gte(since)), Stored.class)
                .stream().map(Stored::toDigest)
                .collect(Collectors.toMap(digest -> Objects.toString(digest.serviceId()), Function.identity(),
                        (one, other) -> Comparator.comparing(PageDigest::lastAddedAt).compare(one, other) >= 0
                                ? one : other));
    }

    void insert(PageDigest digest) {
        mongo.insert(Stored.of(digest, null));
    }

    /** Loads, changes and saves the digest, again on a fresh copy after a concurrent write. */
    void update(String digestId, Consumer<PageDigest> change) {
        for (int attempt = 1; ; attempt++) {
            Stored stored = mongo.findById(digestId, Stored.class);
            if (stored == null) {
                throw new IllegalStateException("no digest " + digestId);
            }
            PageDigest digest = stored.toDigest();
            change.accept(digest);
            try {
                mongo.save(Stored.of(digest, stored.version()));
                return;
            } catch (OptimisticLockingFailureException conflict) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw conflict;
                }
            }
        }
    }

    @Document(COLLECTION)
    record Stored(@Id String id, String destination, String address, PageTarget responder, String serviceId,
                  String serviceName, List<PageDigest.Entry> entries, SentPage sent, Instant lastAddedAt,
                  @Version Long version) {

        static Stored of(PageDigest digest, Long version) {
            return new Stored(digest.id(), digest.destination(), digest.address(), digest.responder(),
                    digest.serviceId(), digest.serviceName(), digest.entries(), digest.sent(), digest.lastAddedAt(),
                    version);
        }

        PageDigest toDigest() {
            return new PageDigest(id, destination, address, responder, serviceId, serviceName,
                    entries == null ? List.of() : entries, sent, lastAddedAt);
        }
    }
}
