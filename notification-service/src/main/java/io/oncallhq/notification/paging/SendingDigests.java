package io.oncallhq.notification.paging;

import io.micrometer.core.instrument.MeterRegistry;
import io.oncallhq.outbox.Change;
import io.oncallhq.outbox.StoredTraceContext;
import io.opentelemetry.context.Scope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Folds a storm's waiting pages of one service into the responder's digest ({@link SendingOrder.Fold}), in this order:
 * claims the pages (as {@link DeliveringPages} claims one), posts the digest or rewrites it in place with them, saves
 * the digest, and settles each page with a {@code PageDelivered} that names the digest, in the page's own trace. A
 * digest the channel does not take (unavailable after its retries, or refused) leaves its new pages to go one by one,
 * each through its routes and their fallbacks.
 *
 * <p>When an instance stops between the digest's message and the pages' settlement, the pages stay claimed; once
 * stalled, a page the saved digest holds is settled as delivered in it, any other waits again for the next turn.
 */
@Service
class SendingDigests {

    private static final Logger log = LoggerFactory.getLogger(SendingDigests.class);

    private final PageDeliveries deliveries;
    private final PageDigests digests;
    private final PagingChannels channels;
    private final DeliveringPages delivering;
    private final MeterRegistry meters;
    private final Clock clock;

    SendingDigests(PageDeliveries deliveries, PageDigests digests, PagingChannels channels,
                   DeliveringPages delivering, MeterRegistry meters, Clock clock) {
        this.deliveries = deliveries;
        this.digests = digests;
        this.channels = channels;
        this.delivering = delivering;
        this.meters = meters;
        this.clock = clock;
    }

    void send(Destination destination, SendingOrder.Fold fold) {
        Instant now = clock.instant();
        String digestId = fold.into() != null ? fold.into().id() : "digest-" + UUID.randomUUID();
        List<PageDelivery> claimed = fold.pages().stream()
                .filter(page -> deliveries.update(page.pageId(), delivery -> delivery.foldInto(digestId, now)
                        ? Change.changed() : Change.unchanged()))
                .map(page -> deliveries.find(page.pageId()).orElseThrow())
                .toList();
        if (claimed.isEmpty()) {
            return;
        }
        Page first = claimed.getFirst().page();
        ContactRoutes.Step step = channels.routesFor(first).steps().getFirst();
        PagingChannel channel = channels.forRoute(step.channel()).orElseThrow();
        PageDigest digest = fold.into() != null ? fold.into() : PageDigest.open(digestId, destination, step.address(),
                first);
        digest.add(claimed.stream().map(PageDelivery::page).toList(), now);
        try (Scope trace = StoredTraceContext.context(claimed.getFirst().traceparent()).makeCurrent()) {
            if (digest.sent() == null) {
                digest.sent(channel.sendDigest(digest, step.address()));
            } else {
                channel.updateDigest(digest, digest.sent());
            }
        } catch (PagingFailedException e) {
            log.warn("Digest {} to {} did not go out ({}); its {} new pages go one by one", digestId,
                    destination.key(), e.getMessage(), claimed.size());
            claimed.forEach(page -> delivering.sendUnfolded(page.page().pageId()));
            return;
        }
        save(digest, fold.into() == null, claimed, now);
        log.info("Digest {} to {}: {} ({} new)", digestId, destination.key(), digest.headline(), claimed.size());
        claimed.forEach(page -> settle(page, digest, channel.name(), now));
    }

    /** Takes up a page folded into a digest whose instance stopped before settling it. */
    void resume(String pageId, Instant claimedBefore) {
        PageDelivery stalled = deliveries.find(pageId).orElseThrow();
        Optional<PageDigest> digest = Optional.ofNullable(stalled.digestId()).flatMap(digests::find)
                .filter(found -> found.sent() != null && found.holds(pageId));
        if (digest.isPresent() && stalled.stalled(claimedBefore)) {
            settle(stalled, digest.get(), stalled.channel(), clock.instant());
            return;
        }
        deliveries.update(pageId, delivery -> {
            if (!delivery.stalled(claimedBefore)) {
                return Change.unchanged();
            }
            delivery.waitAgain();
            return Change.changed();
        });
    }

    private void save(PageDigest digest, boolean opened, List<PageDelivery> claimed, Instant now) {
        if (opened) {
            digests.insert(digest);
            return;
        }
        digests.update(digest.id(), stored -> {
            stored.add(claimed.stream().map(PageDelivery::page).toList(), now);
            stored.sent(digest.sent());
        });
    }

    private void settle(PageDelivery claimed, PageDigest digest, String channel, Instant now) {
        boolean settled;
        try (Scope trace = StoredTraceContext.context(claimed.traceparent()).makeCurrent()) {
            settled = deliveries.update(claimed.page().pageId(), delivery -> delivery.digestId() == null
                    || delivery.status() != DeliveryStatus.SENDING ? Change.unchanged()
                    : Change.changed(delivery.deliveredIn(digest, now)));
        }
        if (settled) {
            meters.counter(DeliveringPages.PAGES_COUNTER, "channel", channel, "outcome", "delivered").increment();
        }
    }
}
