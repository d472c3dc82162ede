package io.oncallhq.ingest.integration;

import org.bson.Document;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

import static org.springframework.data.domain.Sort.Direction.ASC;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/** The {@code integrations} collection; a key hash belongs to at most one integration (unique index). */
@Component
public class Integrations implements InitializingBean {

    static final String COLLECTION = "integrations";
    private static final String KEY_HASHES = "keyHashes";

    private final MongoTemplate mongo;

    public Integrations(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on(KEY_HASHES, ASC).unique().named("unique_key_hash"));
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
        return Optional.ofNullable(mongo.findOne(Query.query(where(KEY_HASHES).is(presented.hex())), Document.class, COLLECTION))
                .map(Integrations::toIntegration)
                .filter(integration -> integration.accepts(presented))
                .orElseThrow(UnknownIntegrationKeyException::new);
    }

    /** Creates the integration or makes the stored one equal to it; running it twice changes nothing. */
    public void save(Integration integration) {
        Update update = new Update()
                .set("serviceId", integration.serviceId())
                .set("name", integration.name())
                .set("type", integration.type().wireName())
                .set(KEY_HASHES, integration.keyHashes().stream().map(KeyHash::hex).toList());
        mongo.findAndModify(Query.query(where("_id").is(integration.id())), update,
                FindAndModifyOptions.options().upsert(true), Document.class, COLLECTION);
    }

    private static Integration toIntegration(Document document) {
        List<KeyHash> hashes = document.getList(KEY_HASHES, String.class).stream().map(KeyHash::new).toList();
        return new Integration(document.getString("_id"), document.getString("serviceId"), document.getString("name"),
                IntegrationType.fromWireName(document.getString("type")), hashes);
    }
}
