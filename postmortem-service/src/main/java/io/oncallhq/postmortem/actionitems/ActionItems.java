package io.oncallhq.postmortem.actionitems;

import io.oncallhq.contracts.postmortem.ActionItemOverdue;
import io.oncallhq.outbox.Change;
import io.oncallhq.outbox.EventRoutes;
import io.oncallhq.outbox.OutboxWriter;
import io.oncallhq.outbox.OutboxWriters;
import io.oncallhq.outbox.Written;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The stored action items (collection {@value #COLLECTION}), one document each ({@link ActionItemDocument}) with its
 * own version and outbox, written through the outbox writer (outbox/README.md): an item and its overdue announcement
 * are saved in one write, and the relay publishes the announcement on {@value #BINDING}.
 */
@Component
public class ActionItems {

    static final String COLLECTION = "action_items";
    static final String BINDING = "postmortems-out-0";
    private static final EventRoutes ANNOUNCEMENTS = new EventRoutes(event -> BINDING, event -> switch (event) {
        case ActionItemOverdue overdue -> overdue.occurredAt();
        default -> throw new IllegalArgumentException("an action item does not publish " + event.getClass());
    });

    private final MongoTemplate mongo;
    private final OutboxWriter<ActionItem, ActionItemDocument> writer;

    ActionItems(MongoTemplate mongo, OutboxWriters writers) {
        this.mongo = mongo;
        this.writer = writers.of(ActionItemDocument.class, ActionItemDocument::of, ANNOUNCEMENTS);
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
        writer.insert(item, List.of());
    }

    /**
     * Replaces the item with what {@code change} makes of it (run again on a fresh copy after a concurrent write);
     * empty when there is no such item.
     */
    Optional<ActionItem> update(String id, Function<ActionItem, ActionItem> change) {
        return writer.update(id, item -> Change.replacedBy(change.apply(item))).map(Written::aggregate);
    }

    /**
     * Records the announcement {@code owed} returns for the item, if any, together with the event in its outbox, and
     * wakes the relay. True when it was recorded now.
     */
    boolean announceOverdue(String id, Function<ActionItem, Optional<ActionItemOverdue>> owed) {
        return writer.update(id, item -> owed.apply(item)
                .map(overdue -> Change.replacedBy(item.announcedOverdue(), overdue))
                .orElseGet(Change::unchanged)).map(Written::saved).orElse(false);
    }

    boolean delete(String postmortemId, String id) {
        return mongo.remove(query(where("_id").is(id).and("postmortemId").is(postmortemId)), COLLECTION)
                .getDeletedCount() == 1;
    }
}
