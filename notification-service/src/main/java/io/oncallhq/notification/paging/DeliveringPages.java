package io.oncallhq.notification.paging;

import io.oncallhq.contracts.page.PageRequested;
import io.oncallhq.notification.paging.PageDeliveries.Change;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;

/**
 * Pages a responder once per page id. The delivery is stored as SENDING before the channel is called and settled
 * afterwards together with its {@code PageDelivered} or {@code PageFailed}; a redelivered request for a settled page
 * does nothing. A channel failure is an outcome ({@code PageFailed}), not a reason to redeliver the request.
 *
 * <p>Known gap: when the process dies after the channel took the page but before the outcome was saved, the record
 * stays SENDING and the redelivered request sends again: the responder may get the page twice, never zero times.
 */
@Service
class DeliveringPages {

    private static final Logger log = LoggerFactory.getLogger(DeliveringPages.class);

    private final PageDeliveries deliveries;
    private final PagingChannel channel;
    private final Clock clock;

    DeliveringPages(PageDeliveries deliveries, PagingChannel channel, Clock clock) {
        this.deliveries = deliveries;
        this.channel = channel;
        this.clock = clock;
    }

    /** Deduplicated by the page id, which a redelivery or a re-sent event keeps. */
    void handle(PageRequested requested) {
        Page page = Page.of(requested);
        if (!deliveries.insert(PageDelivery.sending(page, channel.name())) && !mayRetry(page)) {
            return;
        }
        SentPage sent;
        try {
            sent = channel.send(page);
        } catch (PagingFailedException e) {
            Instant now = clock.instant();
            log.warn("Page {} of incident {} failed on {}: {}", page.pageId(), page.incidentId(), channel.name(),
                    e.getMessage());
            deliveries.update(page.pageId(), delivery -> Change.savedWith(delivery.failed(e.getMessage(), now)));
            return;
        }
        Instant now = clock.instant();
        deliveries.update(page.pageId(), delivery -> Change.savedWith(delivery.delivered(sent, now)));
        log.info("Page {} of incident {} delivered on {} to {}", page.pageId(), page.incidentId(), channel.name(),
                sent.destination());
    }

    /** A page seen before is sent again only when its first attempt never recorded an outcome. */
    private boolean mayRetry(Page page) {
        PageDelivery existing = deliveries.find(page.pageId()).orElseThrow();
        if (existing.status().settled()) {
            log.info("Page {} is already {}, ignoring the redelivered request", page.pageId(), existing.status());
            return false;
        }
        log.warn("Page {} was being sent when an earlier attempt stopped without an outcome; sending again "
                + "(the responder may see it twice)", page.pageId());
        deliveries.update(page.pageId(), delivery -> {
            delivery.retrying();
            return Change.saved();
        });
        return true;
    }
}
