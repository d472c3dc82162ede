package io.oncallhq.notification.slack;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The Slack requests already acted on (collection {@value #COLLECTION}, {@code _id} = the request's stable key, so the
 * unique {@code _id} index decides who acts when Slack retries). Kept indefinitely; documents are tiny.
 */
@Component
class HandledSlackRequests {

    static final String COLLECTION = "slack_requests";

    private final MongoTemplate mongo;

    HandledSlackRequests(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Claims the key; false when an earlier delivery of the same request claimed it already. */
    boolean claim(String key, String userId, String action, Instant now) {
        try {
            mongo.insert(new HandledSlackRequest(key, userId, action, now));
            return true;
        } catch (DuplicateKeyException handledBefore) {
            return false;
        }
    }

    /** Gives the key back after the action could not be done, so Slack's retry (or the user) can try again. */
    void release(String key) {
        mongo.remove(query(where("_id").is(key)), COLLECTION);
    }

    @Document(COLLECTION)
    record HandledSlackRequest(@Id String key, String userId, String action, Instant handledAt) {
    }
}
