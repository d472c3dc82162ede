package io.oncallhq.notification.paging;

import io.oncallhq.outbox.OutboxDocument;
import io.oncallhq.outbox.OutboxFields;
import io.oncallhq.outbox.OutboxMessage;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * How a delivery is stored (id: the page id): its state, the events waiting to be relayed and the incident events it
 * took in, written together by the outbox writer. {@code processedEventIds}: every incident event id, as documents
 * kept them before the writer; read once into its bounded {@code appliedEventIds}.
 */
@Document(PageDeliveries.COLLECTION)
record PageDeliveryDocument(
        @Id String id,
        String incidentId,
        Page page,
        String destination,
        String traceparent,
        String channel,
        DeliveryStatus status,
        int attempts,
        int routeIndex,
        Instant claimedAt,
        String digestId,
        SentPage sent,
        String failureReason,
        Instant settledAt,
        PageState state,
        List<OutboxMessage> outbox,
        List<String> appliedEventIds,
        List<String> processedEventIds,
        @Version Long version) implements OutboxDocument<PageDelivery> {

    static PageDeliveryDocument of(PageDelivery delivery, OutboxFields fields) {
        Page page = delivery.page();
        return new PageDeliveryDocument(page.pageId(), page.incidentId(), page, delivery.destination(),
                delivery.traceparent(), delivery.channel(), delivery.status(), delivery.attempts(),
                delivery.routeIndex(), delivery.claimedAt(), delivery.digestId(), delivery.sent(),
                delivery.failureReason(), delivery.settledAt(), delivery.state(), fields.outbox(),
                fields.appliedEventIds(), null, fields.version());
    }

    @Override
    public PageDelivery toAggregate() {
        return new PageDelivery(page, destination, traceparent, channel, status, attempts, routeIndex, claimedAt,
                digestId, sent, failureReason, settledAt, state == null ? PageState.OPEN : state);
    }
}
