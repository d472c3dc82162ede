package io.oncallhq.postmortem.actionitems;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The stored action items (collection {@value #COLLECTION}), one document each with its own version and outbox.
 * Updates compare-and-set the version; the outbox relay's removal bumps it too.
 */
@Component
public class ActionItems {

    static final String COLLECTION = "action_items";
    static final String VERSION_FIELD = "version";

    private final MongoTemplate mongo;

    ActionItems(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index("postmortemId", Sort.Direction.ASC));
    }

    Optional<ActionItem> find(String postmortemId, String id) {
        return Optional.ofNullable(mongo.findOne(query(where("_id").is(id).and("postmortemId").is(postmortemId)),
                ActionItem.class, COLLECTION));
    }

    public List<ActionItem> ofPostmortem(String postmortemId) {
        return mongo.find(query(where("postmortemId").is(postmortemId)).with(Sort.by("createdAt", "_id")),
                ActionItem.class, COLLECTION);
    }

    /** The team's action items, or everyone's for null. */
    public List<ActionItem> ofTeam(String teamId) {
        return mongo.find(new Query(teamId == null ? new Criteria() : where("teamId").is(teamId)), ActionItem.class,
                COLLECTION);
    }

    /** Filters that are null do not apply; {@code overdueOn} keeps only open items due before that day. */
    List<ActionItem> matching(String teamId, String owner, ActionItemStatus status, LocalDate overdueOn, int limit) {
        Criteria criteria = new Criteria();
        if (teamId != null) {
            criteria.and("teamId").is(teamId);
        }
        if (owner != null) {
            criteria.and("owner").is(owner);
        }
        if (overdueOn != null) {
            criteria.and("status").is(ActionItemStatus.OPEN).and("dueDate").lt(overdueOn);
        } else if (status != null) {
            criteria.and("status").is(status);
        }
        return mongo.find(new Query(criteria).with(Sort.by("dueDate", "_id")).limit(limit), ActionItem.class,
                COLLECTION);
    }

    /** Open items due before {@code today}, whether or not announced yet. */
    List<ActionItem> overdueOn(LocalDate today) {
        return mongo.find(query(where("status").is(ActionItemStatus.OPEN).and("dueDate").lt(today)), ActionItem.class,
                COLLECTION);
    }

    void insert(ActionItem item) {
        mongo.insert(item.withVersion(1), COLLECTION);
    }

    /** False when someone (or the outbox relay) changed it since it was loaded. */
    boolean replaceIfUnchanged(ActionItem item) {
        return mongo.replace(query(where("_id").is(item.id()).and(VERSION_FIELD).is(item.version())),
                item.withVersion(item.version() + 1), COLLECTION).getMatchedCount() == 1;
    }

    boolean delete(String postmortemId, String id) {
        return mongo.remove(query(where("_id").is(id).and("postmortemId").is(postmortemId)), COLLECTION)
                .getDeletedCount() == 1;
    }
}
