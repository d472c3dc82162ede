package io.oncallhq.notification.paging;

import io.oncallhq.outbox.OutboxMessage;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** How a delivery is stored: its state and the events waiting to be relayed, written together. */
@Document(PageDeliveries.COLLECTION)
record PageDeliveryDocument(
        @Id String pageId,
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
        List<String> processedEventIds,
        List<OutboxMessage> outbox,
        @Version Long version) {

    static PageDeliveryDocument of(PageDelivery delivery, List<OutboxMessage> outbox, Long version) {
        Page page = delivery.page();
        return new PageDeliveryDocument(page.pageId(), page.incidentId(), page, delivery.destination(),
                delivery.traceparent(), delivery.channel(), delivery.status(), delivery.attempts(),
                delivery.routeIndex(), delivery.claimedAt(), delivery.digestId(), delivery.sent(),
                delivery.failureReason(), delivery.settledAt(), delivery.state(), delivery.processedEventIds(), outbox,
                version);
    }

    PageDelivery toDelivery() {
        return new PageDelivery(page, destination, traceparent, channel, status, attempts, routeIndex, claimedAt,
                digestId, sent, failureReason, settledAt, state == null ? PageState.OPEN : state,
                processedEventIds == null ? List.of() : processedEventIds);
    }

    /** The waiting events plus the new ones, in order. */
    List<OutboxMessage> outboxWith(List<OutboxMessage> added) {
        List<OutboxMessage> all = new ArrayList<>(outbox == null ? List.of() : outbox);
        all.addAll(added);
        return all;
    }
}
