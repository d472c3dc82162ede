package io.oncallhq.notification.paging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The sending loop: sends the stored pages, to each {@link Destination} (a responder on one channel) one message at a
 * time at the channel's pace, at each turn the most urgent of what still waits, a page alone or a storm's pages of
 * one service folded into a digest ({@link SendingOrder}, {@link SendingDigests}). A page stored by this instance wakes
 * it; every poll interval it also picks up pages stored by other instances and takes up sends
 * that stopped midway (claimed longer than the claim timeout ago and never settled). Instances share the pages: each
 * goes out through whichever instance claims it first; the pace holds per instance, like Slack's rate limiter.
 */
@Component
class SendingPages implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SendingPages.class);

    private final PageDeliveries deliveries;
    private final PageDigests digests;
    private final DeliveringPages delivering;
    private final SendingDigests digesting;
    private final PagingChannels channels;
    private final PagingProperties settings;
    private final Clock clock;
    private final SendingOrder order;
    /** Destinations that may have pages waiting. */
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    /** Destinations a sender is busy with: one message at a time to each. */
    private final Set<String> busy = ConcurrentHashMap.newKeySet();
    /** When the last message to each destination was started here, for its pace. */
    private final Map<String, Instant> lastTurns = new ConcurrentHashMap<>();
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private ExecutorService senders;
    private Thread loop;

    SendingPages(PageDeliveries deliveries, PageDigests digests, DeliveringPages delivering, SendingDigests digesting,
                 PagingChannels channels, PagingProperties settings, Clock clock) {
        this.deliveries = deliveries;
        this.digests = digests;
        this.delivering = delivering;
        this.digesting = digesting;
        this.channels = channels;
        this.settings = settings;
        this.clock = clock;
        this.order = new SendingOrder(settings.digest());
    }

    /** A page was stored for the destination. */
    void wake(Destination destination) {
        pending.add(destination.key());
        wakeUps.release();
    }

    @Override
    public void start() {
        senders = Executors.newFixedThreadPool(settings.senders(), Thread.ofPlatform().name("page-sender-", 1).factory());
        running = true;
        loop = Thread.ofPlatform().name("page-sending-loop").start(this::run);
    }

    /** Sends under way finish; a page claimed but not settled by then is taken up again after the claim timeout. */
    @Override
    public void stop() {
        running = false;
        loop.interrupt();
        senders.shutdown();
        try {
            loop.join(Duration.ofSeconds(5));
            if (!senders.awaitTermination(30, TimeUnit.SECONDS)) {
                log.warn("Page senders still busy after 30 s; their pages are taken up again after the claim timeout");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        Instant nextScan = Instant.MIN;
        while (running) {
            Instant now = clock.instant();
            Instant wakeAt = now.plus(settings.pollInterval());
            try {
                if (!now.isBefore(nextScan)) {
                    nextScan = now.plus(settings.pollInterval());
                    pending.addAll(deliveries.destinationsWaiting());
                    resumeStalled(now);
                }
                wakeAt = earliest(nextScan, sendWhereTurnsCame(now));
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("Could not look at the waiting pages ({}); looking again in {}", e.toString(),
                            settings.pollInterval());
                }
            }
            pauseUntil(wakeAt);
        }
    }

    /** Starts the next message of each destination whose turn has come; returns when the next turn comes. */
    private Instant sendWhereTurnsCame(Instant now) {
        Instant nextTurn = Instant.MAX;
        for (String key : List.copyOf(pending)) {
            if (busy.contains(key)) {
                continue; // its sender wakes the loop when done
            }
            Destination destination = Destination.ofKey(key);
            Instant turn = order.turn(lastTurns.get(key), paceOf(destination), now);
            if (turn.isAfter(now)) {
                nextTurn = earliest(nextTurn, turn);
                continue;
            }
            pending.remove(key); // a page stored from now on adds it again
            order.next(backlogOf(destination, now), now).ifPresent(next -> startSending(key, now, switch (next) {
                case SendingOrder.Alone alone -> () -> delivering.send(alone.page().pageId());
                case SendingOrder.Fold fold -> () -> digesting.send(destination, fold);
            }));
        }
        return nextTurn;
    }

    private SendingOrder.Backlog backlogOf(Destination destination, Instant now) {
        String key = destination.key();
        List<Page> waiting = deliveries.waiting(key).stream().map(PageDelivery::page).toList();
        boolean folds = channels.forRoute(destination.route()).map(PagingChannel::digests).orElse(false);
        if (waiting.isEmpty() || !folds) {
            return new SendingOrder.Backlog(waiting, List.of(), Map.of(), false);
        }
        Instant since = now.minus(settings.digest().window());
        return new SendingOrder.Backlog(waiting, deliveries.requestedSince(key, since),
                digests.latestByService(key, since), true);
    }

    private void resumeStalled(Instant now) {
        Instant claimedBefore = now.minus(settings.claimTimeout());
        for (PageDelivery stalled : deliveries.stalled(claimedBefore)) {
            String key = stalled.destination() != null ? stalled.destination()
                    : delivering.destinationOf(stalled.page()).key();
            String pageId = stalled.page().pageId();
            if (!busy.contains(key)) {
                startSending(key, now, stalled.digestId() != null ? () -> digesting.resume(pageId, claimedBefore)
                        : () -> delivering.resume(pageId, claimedBefore));
            }
        }
    }

    private void startSending(String key, Instant now, Runnable send) {
        busy.add(key);
        lastTurns.put(key, now);
        senders.execute(() -> {
            try {
                send.run();
            } catch (RuntimeException e) {
                log.error("Sending to {} stopped; its page is sent again once it is found waiting or stalled", key, e);
            } finally {
                busy.remove(key);
                pending.add(key);
                wakeUps.release();
            }
        });
    }

    private Duration paceOf(Destination destination) {
        return channels.forRoute(destination.route()).map(PagingChannel::pace).orElse(Duration.ZERO);
    }

    private void pauseUntil(Instant wakeAt) {
        long nanos = Duration.between(clock.instant(), wakeAt).toNanos();
        try {
            if (nanos > 0) {
                wakeUps.tryAcquire(nanos, TimeUnit.NANOSECONDS);
            }
            wakeUps.drainPermits();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
