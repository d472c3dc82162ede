package io.oncallhq.incident.silence;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** The {@code silences} collection. Only silences active at the given instant are read to match alerts. */
@Component
public class Silences {

    static final String COLLECTION = "silences";

    private final MongoTemplate mongo;

    Silences(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The first active silence (oldest start first) that covers this alert of this service. */
    public Optional<Silence> matching(String serviceId, Map<String, String> labels, Instant now) {
        return mongo.find(query(where("startsAt").lte(now).and("endsAt").gt(now)).with(Sort.by("startsAt")),
                        Silence.class).stream()
                .filter(silence -> silence.appliesTo(serviceId, labels, now))
                .findFirst();
    }

    Silence save(Silence silence) {
        return mongo.save(silence);
    }

    Optional<Silence> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Silence.class));
    }

    /** Newest start first. */
    List<Silence> all() {
        return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "startsAt")), Silence.class);
    }
}
