package io.oncallhq.notification.paging;

import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.oncallhq.contracts.page.PageRequested;
import io.oncallhq.outbox.Change;
import io.oncallhq.outbox.StoredTraceContext;
import io.opentelemetry.context.Scope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Pages a responder once per page id. The request is only stored ({@link DeliveryStatus#WAITING}) while the
 * {@code pages} record is handled, so its offset is committed once the page is durable; the sending loop
 * ({@link SendingPages}) later claims it ({@link DeliveryStatus#SENDING}) before a channel is called, and it is settled
 * afterwards together with its {@code PageDelivered} or {@code PageFailed}. A redelivered request for a stored page
 * does nothing. A channel failure is an outcome ({@code PageFailed}), not a reason to redeliver the request.
 *
 * <p>The channels are tried in the order of the responder's contact rules (without rules: Slack, then the configured
 * fallback webhook). When one stays unavailable (its retries exhausted, circuit open, bulkhead full), or refuses the
 * page under contact rules, {@code PageFailed(that channel)} is saved and the page moves on to the next one; the last
 * one's outcome settles it. Without rules a refusal (e.g. an unknown Slack user) just fails, as before rules existed.
 * Counter {@value #PAGES_COUNTER} counts each channel's outcome (tags {@code channel}, {@code outcome}).
 *
 * <p>When an instance died after a channel took the page but before the outcome was saved, the record stays SENDING
 * and the sending loop takes it up again: the channel is first asked whether it has the page already
 * ({@link PagingChannel#findSent}: Slack looks in the DM for the page id in message metadata). Only when it cannot
 * tell is the page sent again: the responder may get it twice, never zero times.
 */
@Service
class DeliveringPages {

    static final String PAGES_COUNTER = "oncallhq.pages";
    static final String STORE_RETRY = "page-store";
    private static final Logger log = LoggerFactory.getLogger(DeliveringPages.class);

    private final PageDeliveries deliveries;
    private final PagingChannels channels;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Retry storing;

    DeliveringPages(PageDeliveries deliveries, PagingChannels channels, MeterRegistry meters, Clock clock,
                    RetryRegistry retries) {
        this.deliveries = deliveries;
        this.channels = channels;
        this.meters = meters;
        this.clock = clock;
        this.storing = retries.retry(STORE_RETRY);
    }

    /**
     * Stores the requested page to wait for its turn and returns the destination it waits for. Deduplicated by the
     * page id, which a redelivery or a re-sent event keeps. While MongoDB cannot be reached this waits for it (retry
     * {@value #STORE_RETRY}): the page is delayed, never dead-lettered for an outage.
     */
    Destination accept(PageRequested requested) {
        Page page = Page.of(requested);
        ContactRoutes.Step first = channels.routesFor(page).steps().getFirst();
        Destination destination = Destination.of(first, page);
        PageDelivery waiting = PageDelivery.waiting(page, channelName(first), destination,
                StoredTraceContext.currentTraceparent());
        if (!storing.executeSupplier(() -> deliveries.insert(waiting))) {
            log.info("Page {} was stored before, ignoring the redelivered request", page.pageId());
        }
        return destination;
    }

    /** The destination the page waits for (also for pages stored before deliveries recorded it). */
    Destination destinationOf(Page page) {
        return Destination.of(channels.routesFor(page).steps().getFirst(), page);
    }

    /** Sends a waiting page, unless another instance claimed it first. */
    void send(String pageId) {
        Instant now = clock.instant();
        if (deliveries.update(pageId, delivery -> delivery.claim(now) ? Change.changed() : Change.unchanged())) {
            deliver(deliveries.find(pageId).orElseThrow(), false);
        }
    }

    /** Sends on its own a page claimed for a digest that did not go out. */
    void sendUnfolded(String pageId) {
        if (deliveries.update(pageId, delivery -> delivery.unfold() ? Change.changed() : Change.unchanged())) {
            deliver(deliveries.find(pageId).orElseThrow(), false);
        }
    }

    /** Takes up a page whose send stopped before its outcome was saved ({@link PageDelivery#stalled}). */
    void resume(String pageId, Instant claimedBefore) {
        Instant now = clock.instant();
        boolean resumed = deliveries.update(pageId, delivery -> {
            if (!delivery.stalled(claimedBefore)) {
                return Change.unchanged();
            }
            delivery.resume(now);
            return Change.changed();
        });
        if (resumed) {
            log.warn("Page {} was being sent when an earlier attempt stopped without an outcome; trying again", pageId);
            deliver(deliveries.find(pageId).orElseThrow(), true);
        }
    }

    /** In the trace the page was requested in: the channel's call and the outcome event continue it. */
    private void deliver(PageDelivery claimed, boolean retried) {
        try (Scope requestTrace = StoredTraceContext.context(claimed.traceparent()).makeCurrent()) {
            deliverOnRoutes(claimed, retried);
        }
    }

    private void deliverOnRoutes(PageDelivery claimed, boolean retried) {
        Page page = claimed.page();
        ContactRoutes routes = channels.routesFor(page);
        // A retried delivery may already have moved on: it continues on the step it was moved to.
        int start = Math.min(claimed.routeIndex(), routes.steps().size() - 1);
        for (int index = start; ; index++) {
            ContactRoutes.Step step = routes.steps().get(index);
            String name = channelName(step);
            PagingFailedException failure;
            try {
                PagingChannel channel = channels.forRoute(step.channel())
                        .orElseThrow(() -> new PagingFailedException(step.channel() + " is not configured here"));
                Optional<SentPage> earlier = retried && index == start ? sentBefore(channel, page, step)
                        : Optional.empty();
                settleDelivered(name, page, earlier.isPresent() ? earlier.get() : channel.send(page, step.address()));
                return;
            } catch (ChannelUnavailableException e) {
                failure = e;
            } catch (PagingFailedException e) {
                failure = e;
                if (!routes.refusalMovesOn()) {
                    settleFailed(name, page, e);
                    return;
                }
            }
            if (index + 1 >= routes.steps().size()) {
                settleFailed(name, page, failure);
                return;
            }
            moveOn(page, name, failure, channelName(routes.steps().get(index + 1)), index + 1);
        }
    }

    /** The page as the channel took it in an attempt that stopped before its outcome was saved, if it did. */
    private Optional<SentPage> sentBefore(PagingChannel channel, Page page, ContactRoutes.Step step) {
        try {
            Optional<SentPage> found = channel.findSent(page, step.address());
            found.ifPresent(sent -> log.info("Page {} was sent on {} by an attempt that stopped before saving it; "
                    + "not sending it again", page.pageId(), channel.name()));
            return found;
        } catch (PagingFailedException e) {
            log.warn("Could not look for an earlier send of page {} on {} ({}); sending it again", page.pageId(),
                    channel.name(), e.getMessage());
            return Optional.empty();
        }
    }

    private void moveOn(Page page, String channel, PagingFailedException failure, String next, int nextIndex) {
        Instant now = clock.instant();
        log.warn("Page {} of incident {}: {} did not take it ({}), moving on to {}", page.pageId(), page.incidentId(),
                channel, failure.getMessage(), next);
        deliveries.update(page.pageId(),
                delivery -> Change.changed(delivery.failedOver(failure.getMessage(), next, nextIndex, now)));
        count(channel, "failed");
    }

    private void settleDelivered(String channel, Page page, SentPage sent) {
        Instant now = clock.instant();
        deliveries.update(page.pageId(), delivery -> Change.changed(delivery.delivered(sent, now)));
        count(channel, "delivered");
        log.info("Page {} of incident {} delivered on {} to {}", page.pageId(), page.incidentId(), channel,
                sent.destination());
    }

    private void settleFailed(String channel, Page page, PagingFailedException e) {
        Instant now = clock.instant();
        log.warn("Page {} of incident {} failed on {}: {}", page.pageId(), page.incidentId(), channel, e.getMessage());
        deliveries.update(page.pageId(), delivery -> Change.changed(delivery.failed(e.getMessage(), now)));
        count(channel, "failed");
    }

    private void count(String channel, String outcome) {
        meters.counter(PAGES_COUNTER, "channel", channel, "outcome", outcome).increment();
    }

    /** The name deliveries record for a step: the channel's own ({@code console} for Slack without a token). */
    private String channelName(ContactRoutes.Step step) {
        return channels.forRoute(step.channel()).map(PagingChannel::name).orElse(step.channel());
    }
}
