package io.oncallhq.ingest.integration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.oncallhq.ingest.config.IngestProperties;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.springframework.data.domain.Sort.Direction.ASC;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The {@code integrations} collection. Each key is kept twice in the document, in one write: with its id and
 * time under {@code keys}, and as a bare hash under {@code keyHashes}, whose unique index makes a key belong to at
 * most one integration and finds the integration of a presented key.
 * <p>
 * Accepted keys are remembered, so a sender's request reads no database. Every stored change is then counted in one
 * document ({@code counters}, {@code _id} {@value #CHANGES_ID}); each replica reads it by id every
 * {@code ingest.key-cache-check-interval} and forgets its remembered keys when it moved. A count lost in a crash
 * between the change and the count is covered by the remembered keys' time to live.
 */
@Component
public class Integrations implements InitializingBean {

    static final String COLLECTION = "integrations";
    private static final String KEYS = "keys";
    private static final String KEY_HASHES = "keyHashes";
    private static final String VERSION = "version";
    private static final String GROUPING = "grouping";
    private static final String COUNTERS = "counters";
    private static final String CHANGES_ID = "integration-changes";
    private static final String COUNT = "count";

    /** At most this many accepted keys are remembered, the least used ones go first. */
    private static final int CACHED_KEYS = 10_000;

    private final MongoTemplate mongo;
    private final Cache<String, Remembered> accepted;
    /** Moves each time the remembered keys are forgotten, so a read that began before cannot be remembered after. */
    private final AtomicLong generation = new AtomicLong();
    /** The count of stored changes when this replica last looked. */
    private long changesSeen;

    @Autowired
    public Integrations(MongoTemplate mongo, IngestProperties properties) {
        this(mongo, properties.keyCacheTtl());
    }

    Integrations(MongoTemplate mongo, Duration keyCacheTtl) {
        this.mongo = mongo;
        this.accepted = Caffeine.newBuilder().expireAfterWrite(keyCacheTtl).maximumSize(CACHED_KEYS).build();
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on(KEY_HASHES, ASC).unique().named("unique_key_hash"));
        changesSeen = changeCount();
    }

    /** An accepted integration, and the {@link #generation} in which it was read. */
    private record Remembered(Integration integration, long generation) {
    }

    /**
     * The integration that accepts the presented key, whatever endpoint (format) it came to: the key names the
     * integration and its service, the endpoint only says how to read the body. Looked up by the key's hash (so the
     * database never sees the key), then compared in constant time.
     *
     * @throws UnknownIntegrationKeyException when there is none; the caller answers 401
     */
    public Integration authenticate(String presentedKey) {
        KeyHash presented = KeyHash.of(presentedKey);
        Remembered known = accepted.getIfPresent(presented.hex());
        long current = generation.get();
        if (known != null && known.generation() == current && known.integration().accepts(presented)) {
            return known.integration();
        }
        Integration integration = Optional.ofNullable(
                        mongo.findOne(Query.query(where(KEY_HASHES).is(presented.hex())), Document.class, COLLECTION))
                .map(Integrations::toIntegration)
                .filter(found -> found.accepts(presented))
                .orElseThrow(UnknownIntegrationKeyException::new);
        accepted.put(presented.hex(), new Remembered(integration, current));
        return integration;
    }

    /** Creates the integration or makes the stored one equal to it; running it twice changes nothing but the version. */
    public void save(Integration integration) {
        mongo.findAndModify(Query.query(where("_id").is(integration.id())), contents(integration).inc(VERSION, 1),
                FindAndModifyOptions.options().upsert(true), Document.class, COLLECTION);
        changed();
    }

    /**
     * Counts as no change: its keys are new, and an unknown key is never remembered.
     *
     * @throws org.springframework.dao.DuplicateKeyException when the id or a key is taken
     */
    public void insert(Integration integration) {
        Document document = new Document("_id", integration.id());
        contents(integration).getUpdateObject().get("$set", Document.class).forEach(document::append);
        document.append(VERSION, integration.version());
        mongo.insert(document, COLLECTION);
    }

    /**
     * Stores {@code changed} only if the stored integration is still at the version it was read at.
     *
     * @throws ConcurrentChangeException when it changed (or went) in between
     */
    public Integration replace(Integration changed) {
        Document stored = mongo.findAndModify(
                Query.query(where("_id").is(changed.id()).and(VERSION).is(changed.version())),
                contents(changed).inc(VERSION, 1), FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
        if (stored == null) {
            throw new ConcurrentChangeException("Integration " + changed.id());
        }
        changed();
        return toIntegration(stored);
    }

    public Optional<Integration> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, COLLECTION)).map(Integrations::toIntegration);
    }

    /** @param serviceId only this service's integrations; null for all */
    public List<Integration> list(String serviceId) {
        Query query = serviceId == null ? new Query() : Query.query(where("serviceId").is(serviceId));
        return mongo.find(query.with(Sort.by("_id")), Document.class, COLLECTION).stream().map(Integrations::toIntegration).toList();
    }

    /** @return whether there was one */
    public boolean delete(String id) {
        boolean deleted = mongo.remove(Query.query(where("_id").is(id)), COLLECTION).getDeletedCount() > 0;
        if (deleted) {
            changed();
        }
        return deleted;
    }

    /**
     * Forgets every remembered key if an integration was changed, on any replica, since the last call: one read by id,
     * made every {@code ingest.key-cache-check-interval} by {@link KeyCacheCheck}.
     */
    synchronized void forgetKeysIfChangedElsewhere() {
        long count = changeCount();
        if (count != changesSeen) {
            changesSeen = count;
            forgetAcceptedKeys();
        }
    }

    /**
     * After each stored change: this replica forgets at once, the others once they see the count move. It moves only
     * after the change can be read, so no replica remembers the state before the change after forgetting.
     */
    private void changed() {
        forgetAcceptedKeys();
        mongo.upsert(Query.query(where("_id").is(CHANGES_ID)), new Update().inc(COUNT, 1), COUNTERS);
    }

    private long changeCount() {
        Document counter = mongo.findById(CHANGES_ID, Document.class, COUNTERS);
        return counter == null ? 0 : ((Number) counter.get(COUNT)).longValue();
    }

    /** Changes are rare (admin calls), so each forgets every remembered key rather than tracking whose they were. */
    private void forgetAcceptedKeys() {
        generation.incrementAndGet();
        accepted.invalidateAll();
    }

    private static Update contents(Integration integration) {
        return new Update()
                .set("serviceId", integration.serviceId())
                .set("name", integration.name())
                .set("type", integration.type().wireName())
                .set(GROUPING, integration.grouping().wireName())
                .set("createdAt", Date.from(integration.createdAt()))
                .set(KEYS, integration.keys().stream()
                        .map(key -> new Document("id", key.id()).append("hash", key.hash().hex()).append("createdAt", Date.from(key.createdAt())))
                        .toList())
                .set(KEY_HASHES, integration.keyHashes().stream().map(KeyHash::hex).toList());
    }

    private static Integration toIntegration(Document document) {
        List<IntegrationKey> keys = document.getList(KEYS, Document.class).stream()
                .map(key -> new IntegrationKey(key.getString("id"), new KeyHash(key.getString("hash")), instant(key.getDate("createdAt"))))
                .toList();
        IntegrationType type = IntegrationType.fromWireName(document.getString("type"));
        return new Integration(document.getString("_id"), document.getString("serviceId"), document.getString("name"),
                type, grouping(document.getString(GROUPING), type), keys, instant(document.getDate("createdAt")),
                ((Number) document.get(VERSION)).longValue());
    }

    /** An integration stored before the setting existed has none: it groups as its type does by default. */
    private static Grouping grouping(String stored, IntegrationType type) {
        return stored == null ? Grouping.defaultFor(type) : Grouping.parse(stored).orElseThrow();
    }

    private static Instant instant(Date date) {
        return date.toInstant();
    }
}
