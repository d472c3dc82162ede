package io.oncallhq.notification.paging;

import io.micrometer.core.instrument.MeterRegistry;
import io.oncallhq.contracts.page.PageRequested;
import io.oncallhq.notification.paging.PageDeliveries.Change;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Pages a responder once per page id. The delivery is stored as SENDING before a channel is called and settled
 * afterwards together with its {@code PageDelivered} or {@code PageFailed}; a redelivered request for a settled page
 * does nothing. A channel failure is an outcome ({@code PageFailed}), not a reason to redeliver the request.
 *
 * <p>The channels are tried in the order of the responder's contact rules (without rules: Slack, then the configured
 * fallback webhook). When one stays unavailable (its retries exhausted, circuit open, bulkhead full), or refuses the
 * page under contact rules, {@code PageFailed(that channel)} is saved and the page moves on to the next one; the last
 * one's outcome settles it. Without rules a refusal (e.g. an unknown Slack user) just fails, as before rules existed.
 * Counter {@value #PAGES_COUNTER} counts each channel's outcome (tags {@code channel}, {@code outcome}).
 *
 * <p>When the process died after a channel took the page but before the outcome was saved, the record stays SENDING
 * and the request is redelivered: the channel is first asked whether it has the page already
 * ({@link PagingChannel#findSent}: Slack looks in the DM for the page id in message metadata). Only when it cannot
 * tell is the page sent again: the responder may get it twice, never zero times.
 */
@Service
class DeliveringPages {

    static final String PAGES_COUNTER = "oncallhq.pages";
    private static final Logger log = LoggerFactory.getLogger(DeliveringPages.class);

    private final PageDeliveries deliveries;
    private final PagingChannels channels;
    private final MeterRegistry meters;
    private final Clock clock;

    DeliveringPages(PageDeliveries deliveries, PagingChannels channels, MeterRegistry meters, Clock clock) {
        this.deliveries = deliveries;
        this.channels = channels;
        this.meters = meters;
        this.clock = clock;
    }

    /** Deduplicated by the page id, which a redelivery or a re-sent event keeps. */
    void handle(PageRequested requested) {
        Page page = Page.of(requested);
        ContactRoutes routes = channels.routesFor(page);
        boolean retried = !deliveries.insert(PageDelivery.sending(page, channelName(routes.steps().getFirst())));
        if (retried && !mayRetry(page)) {
            return;
        }
        // A retried delivery may already have moved on: it continues on the step it was moved to.
        int start = Math.min(deliveries.find(page.pageId()).orElseThrow().routeIndex(), routes.steps().size() - 1);
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
        deliveries.update(page.pageId(), delivery -> Change.savedWith(
                delivery.failedOver(failure.getMessage(), next, nextIndex, now), now));
        count(channel, "failed");
    }

    private void settleDelivered(String channel, Page page, SentPage sent) {
        Instant now = clock.instant();
        deliveries.update(page.pageId(), delivery -> Change.savedWith(delivery.delivered(sent, now), now));
        count(channel, "delivered");
        log.info("Page {} of incident {} delivered on {} to {}", page.pageId(), page.incidentId(), channel,
                sent.destination());
    }

    private void settleFailed(String channel, Page page, PagingFailedException e) {
        Instant now = clock.instant();
        log.warn("Page {} of incident {} failed on {}: {}", page.pageId(), page.incidentId(), channel, e.getMessage());
        deliveries.update(page.pageId(), delivery -> Change.savedWith(delivery.failed(e.getMessage(), now), now));
        count(channel, "failed");
    }

    private void count(String channel, String outcome) {
        meters.counter(PAGES_COUNTER, "channel", channel, "outcome", outcome).increment();
    }

    /** The name deliveries record for a step: the channel's own ({@code console} for Slack without a token). */
    private String channelName(ContactRoutes.Step step) {
        return channels.forRoute(step.channel()).map(PagingChannel::name).orElse(step.channel());
    }

    /** A page seen before is sent again only when its first attempt never recorded an outcome. */
    private boolean mayRetry(Page page) {
        PageDelivery existing = deliveries.find(page.pageId()).orElseThrow();
        if (existing.status().settled()) {
            log.info("Page {} is already {}, ignoring the redelivered request", page.pageId(), existing.status());
            return false;
        }
        log.warn("Page {} was being sent when an earlier attempt stopped without an outcome; trying again",
                page.pageId());
        deliveries.update(page.pageId(), delivery -> {
            delivery.retrying();
            return Change.saved();
        });
        return true;
    }
}
