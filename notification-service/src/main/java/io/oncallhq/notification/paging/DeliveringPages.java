package io.oncallhq.notification.paging;

import io.oncallhq.contracts.page.PageRequested;
import io.oncallhq.notification.paging.PageDeliveries.Change;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Pages a responder once per page id. The delivery is stored as SENDING before the channel is called and settled
 * afterwards together with its {@code PageDelivered} or {@code PageFailed}; a redelivered request for a settled page
 * does nothing. A channel failure is an outcome ({@code PageFailed}), not a reason to redeliver the request.
 *
 * <p>When the primary channel stays unavailable (its retries exhausted, circuit open, bulkhead full), the page goes to
 * the fallback channel: {@code PageFailed(primary)} is saved first, then {@code PageDelivered(fallback)} or
 * {@code PageFailed(fallback)}. A page the primary channel refused (e.g. an unknown Slack user) just fails.
 *
 * <p>Known gap: when the process dies after the channel took the page but before the outcome was saved, the record
 * stays SENDING and the redelivered request sends again: the responder may get the page twice, never zero times.
 */
@Service
class DeliveringPages {

    private static final Logger log = LoggerFactory.getLogger(DeliveringPages.class);

    private final PageDeliveries deliveries;
    private final PagingChannels channels;
    private final Clock clock;

    DeliveringPages(PageDeliveries deliveries, PagingChannels channels, Clock clock) {
        this.deliveries = deliveries;
        this.channels = channels;
        this.clock = clock;
    }

    /** Deduplicated by the page id, which a redelivery or a re-sent event keeps. */
    void handle(PageRequested requested) {
        Page page = Page.of(requested);
        PagingChannel primary = channels.primary();
        if (!deliveries.insert(PageDelivery.sending(page, primary.name())) && !mayRetry(page)) {
            return;
        }
        // A retried delivery may already have failed over: it continues on the channel it was moved to.
        String current = deliveries.find(page.pageId()).orElseThrow().channel();
        Optional<PagingChannel> fallback = channels.fallbackChannel();
        if (fallback.isPresent() && current.equals(fallback.get().name())) {
            sendOn(fallback.get(), page);
            return;
        }
        try {
            settleDelivered(primary, page, primary.send(page));
        } catch (ChannelUnavailableException e) {
            if (fallback.isEmpty()) {
                settleFailed(primary, page, e);
                return;
            }
            Instant now = clock.instant();
            log.warn("Page {} of incident {}: {} stays unavailable ({}), falling back to {}", page.pageId(),
                    page.incidentId(), primary.name(), e.getMessage(), fallback.get().name());
            deliveries.update(page.pageId(), delivery -> Change.savedWith(
                    delivery.failedOver(e.getMessage(), fallback.get().name(), now), now));
            sendOn(fallback.get(), page);
        } catch (PagingFailedException e) {
            settleFailed(primary, page, e);
        }
    }

    private void sendOn(PagingChannel channel, Page page) {
        try {
            settleDelivered(channel, page, channel.send(page));
        } catch (PagingFailedException e) {
            settleFailed(channel, page, e);
        }
    }

    private void settleDelivered(PagingChannel channel, Page page, SentPage sent) {
        Instant now = clock.instant();
        deliveries.update(page.pageId(), delivery -> Change.savedWith(delivery.delivered(sent, now), now));
        log.info("Page {} of incident {} delivered on {} to {}", page.pageId(), page.incidentId(), channel.name(),
                sent.destination());
    }

    private void settleFailed(PagingChannel channel, Page page, PagingFailedException e) {
        Instant now = clock.instant();
        log.warn("Page {} of incident {} failed on {}: {}", page.pageId(), page.incidentId(), channel.name(),
                e.getMessage());
        deliveries.update(page.pageId(), delivery -> Change.savedWith(delivery.failed(e.getMessage(), now), now));
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
