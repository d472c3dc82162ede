package io.oncallhq.notification.paging;

import io.oncallhq.contracts.page.PageDelivered;
import io.oncallhq.contracts.page.PageFailed;
import io.oncallhq.outbox.Change;
import io.oncallhq.outbox.EventRoutes;
import io.oncallhq.outbox.OutboxWriter;
import io.oncallhq.outbox.OutboxWriters;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The stored deliveries (collection {@value #COLLECTION}, {@code _id} = page id), written through the outbox writer:
 * a settled delivery and its outcome event are saved in one write; the relay then publishes the event on
 * {@value #OUTCOMES_BINDING}.
 */
@Component
public class PageDeliveries {

    public static final String COLLECTION = "page_deliveries";
    static final String OUTCOMES_BINDING = "page-outcomes-out-0";
    private static final EventRoutes OUTCOMES = new EventRoutes(outcome -> OUTCOMES_BINDING,
            outcome -> switch (outcome) {
                case PageDelivered delivered -> delivered.deliveredAt();
                case PageFailed failed -> failed.failedAt();
                default -> throw new IllegalArgumentException("a delivery does not publish " + outcome.getClass());
            });

    private final MongoTemplate mongo;
    private final OutboxWriter<PageDelivery, PageDeliveryDocument> writer;

    PageDeliveries(MongoTemplate mongo, OutboxWriters writers) {
        this.mongo = mongo;
        this.writer = writers.of(PageDeliveryDocument.class, PageDeliveryDocument::of, OUTCOMES);
        mongo.indexOps(COLLECTION).createIndex(new Index("incidentId", Sort.Direction.ASC).named("incident"));
        mongo.indexOps(COLLECTION).createIndex(new Index("page.responder.slackUserId", Sort.Direction.ASC)
                .named("responder_slack_user"));
        mongo.indexOps(COLLECTION).createIndex(new Index("status", Sort.Direction.ASC)
                .on("destination", Sort.Direction.ASC).named("status_destination"));
    }

    public Optional<PageDelivery> find(String pageId) {
        return Optional.ofNullable(mongo.findById(pageId, PageDeliveryDocument.class))
                .map(PageDeliveryDocument::toAggregate);
    }

    /** The destinations pages wait for. */
    List<String> destinationsWaiting() {
        return mongo.findDistinct(query(where("status").is(DeliveryStatus.WAITING)), "destination",
                PageDeliveryDocument.class, String.class);
    }

    /** The pages waiting for one destination ({@link Destination#key()}). */
    List<PageDelivery> waiting(String destination) {
        return mongo.find(query(where("status").is(DeliveryStatus.WAITING).and("destination").is(destination)),
                PageDeliveryDocument.class).stream().map(PageDeliveryDocument::toAggregate).toList();
    }

    /** The pages requested for the destination since then, sent or not: what a service's storm is counted from. */
    List<SendingOrder.Requested> requestedSince(String destination, Instant since) {
        Query requested = query(where("destination").is(destination).and("page.requestedAt").gte(since));
        requested.fields().include("page.serviceId", "page.incidentId", "page.requestedAt");
        return mongo.find(requested, org.bson.Document.class, COLLECTION).stream()
                .map(document -> document.get("page", org.bson.Document.class))
                .map(page -> new SendingOrder.Requested(page.getString("serviceId"), page.getString("incidentId"),
                        page.getDate("requestedAt").toInstant()))
                .toList();
    }

    /** The pages claimed before that time and never settled ({@link PageDelivery#stalled}). */
    List<PageDelivery> stalled(Instant claimedBefore) {
        return mongo.find(query(where("status").is(DeliveryStatus.SENDING).orOperator(
                        where("claimedAt").lt(claimedBefore), where("claimedAt").is(null))),
                PageDeliveryDocument.class).stream().map(PageDeliveryDocument::toAggregate).toList();
    }

    /** Stores a new delivery; false when one for this page exists already (the page id is the {@code _id}). */
    boolean insert(PageDelivery delivery) {
        return writer.insert(delivery, List.of());
    }

    /**
     * Whether a page of this service was ever for the Slack user id: who counts as linked while incident-service's
     * responders cannot be read.
     */
    public boolean pagedSlackUser(String slackUserId) {
        return mongo.exists(query(where("page.responder.slackUserId").is(slackUserId)), PageDeliveryDocument.class);
    }

    /** The incidents a Slack user was paged about. */
    public Set<String> incidentsPagedTo(String slackUserId) {
        return mongo.find(query(where("page.responder.slackUserId").is(slackUserId)), PageDeliveryDocument.class)
                .stream().map(PageDeliveryDocument::incidentId).collect(Collectors.toSet());
    }

    /**
     * How far the incident got, as its page messages show it (the incident events applied to its deliveries): the
     * most advanced state of any of its deliveries, open when none was moved on.
     */
    public PageState incidentState(String incidentId) {
        return incidentStates(List.of(incidentId)).getOrDefault(incidentId, PageState.OPEN);
    }

    /** {@link #incidentState} of many incidents in one query; an incident none of whose pages moved on is left out. */
    public Map<String, PageState> incidentStates(Collection<String> incidentIds) {
        return mongo.find(query(where("incidentId").in(incidentIds)), PageDeliveryDocument.class).stream()
                .filter(delivery -> delivery.state() != null)
                .collect(Collectors.toMap(PageDeliveryDocument::incidentId, PageDeliveryDocument::state,
                        BinaryOperator.maxBy(Comparator.comparing(PageState::status))));
    }

    /** The delivered pages of an incident: the messages that show its state. */
    List<String> deliveredPageIds(String incidentId) {
        return mongo.find(query(where("incidentId").is(incidentId).and("status").is(DeliveryStatus.DELIVERED)),
                PageDeliveryDocument.class).stream().map(PageDeliveryDocument::id).toList();
    }

    /**
     * Loads the delivery, applies the change and saves it together with the outcome event the change returned (the
     * outbox writer: it may run the change again on a fresh copy after a concurrent write, so the change must only act
     * on the delivery it is given). True when the change was saved.
     */
    boolean update(String pageId, Function<PageDelivery, Change<PageDelivery>> change) {
        return writer.update(pageId, change).orElseThrow(() -> noDelivery(pageId)).saved();
    }

    /** {@link #update}, once per incident event: a redelivered event is skipped. */
    void updateOnce(String pageId, String incidentEventId, Function<PageDelivery, Change<PageDelivery>> change) {
        writer.updateOnce(pageId, incidentEventId, change).orElseThrow(() -> noDelivery(pageId));
    }

    private static IllegalStateException noDelivery(String pageId) {
        return new IllegalStateException("no delivery of page " + pageId);
    }
}
