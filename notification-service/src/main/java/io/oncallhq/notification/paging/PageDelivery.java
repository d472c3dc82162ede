package io.oncallhq.notification.paging;

import io.oncallhq.contracts.page.PageDelivered;
import io.oncallhq.contracts.page.PageFailed;

import java.time.Instant;

/**
 * One page's way to its responder, keyed by page id: stored as {@link DeliveryStatus#WAITING} when the request
 * arrives, claimed by one instance's sending loop ({@link DeliveryStatus#SENDING}) before the channel is called, then
 * settled as delivered or failed (with the event saying so). Afterwards it keeps the message in step with the
 * incident (its store skips an incident event taken in before).
 */
public final class PageDelivery {

    private final Page page;
    private final String destination;
    private final String traceparent;
    private String channel;
    private DeliveryStatus status;
    private int attempts;
    private int routeIndex;
    private Instant claimedAt;
    private String digestId;
    private SentPage sent;
    private String failureReason;
    private Instant settledAt;
    private PageState state;

    PageDelivery(Page page, String destination, String traceparent, String channel, DeliveryStatus status,
                 int attempts, int routeIndex, Instant claimedAt, String digestId, SentPage sent,
                 String failureReason, Instant settledAt, PageState state) {
        this.page = page;
        this.destination = destination;
        this.traceparent = traceparent;
        this.channel = channel;
        this.status = status;
        this.attempts = attempts;
        this.routeIndex = routeIndex;
        this.claimedAt = claimedAt;
        this.digestId = digestId;
        this.sent = sent;
        this.failureReason = failureReason;
        this.settledAt = settledAt;
        this.state = state;
    }

    /**
     * A page just requested, waiting for its turn.
     *
     * @param destination the responder on the first channel of the page's routes ({@link Destination}), where the
     *                    page waits in line
     * @param traceparent the trace of the request (W3C), which the send continues; null outside a trace
     */
    static PageDelivery waiting(Page page, String channel, Destination destination, String traceparent) {
        return new PageDelivery(page, destination.key(), traceparent, channel, DeliveryStatus.WAITING, 0, 0, null,
                null, null, null, null, PageState.OPEN);
    }

    /** This instance takes the waiting page to send it; false when it is not waiting any more (taken elsewhere). */
    boolean claim(Instant now) {
        if (status != DeliveryStatus.WAITING) {
            return false;
        }
        status = DeliveryStatus.SENDING;
        attempts++;
        claimedAt = now;
        return true;
    }

    /** This instance takes the waiting page to fold it into the digest; false when it is not waiting any more. */
    boolean foldInto(String digestId, Instant now) {
        if (!claim(now)) {
            return false;
        }
        this.digestId = digestId;
        return true;
    }

    /** The digest it was folded into did not go out: the page goes on its own. False when it is not in one. */
    boolean unfold() {
        if (status != DeliveryStatus.SENDING || digestId == null) {
            return false;
        }
        digestId = null;
        return true;
    }

    /** A page folded into a digest whose instance stopped before the digest showed it waits again. */
    void waitAgain() {
        requireSending();
        status = DeliveryStatus.WAITING;
        digestId = null;
        claimedAt = null;
    }

    /**
     * True when the page was claimed before {@code claimedBefore} and never settled: its instance died during the
     * send (or a send hangs). Pages claimed before claims were recorded count as stalled.
     */
    boolean stalled(Instant claimedBefore) {
        return status == DeliveryStatus.SENDING && (claimedAt == null || claimedAt.isBefore(claimedBefore));
    }

    /** Another attempt after one whose outcome was never recorded. */
    void resume(Instant now) {
        requireSending();
        attempts++;
        claimedAt = now;
    }

    PageDelivered delivered(SentPage sent, Instant now) {
        requireSending();
        this.status = DeliveryStatus.DELIVERED;
        this.sent = sent;
        this.settledAt = now;
        return new PageDelivered(page.pageId(), page.incidentId(), channel, sent.destination(), sent.messageRef(), now);
    }

    /** The page went out in the digest's message, which shows it. */
    PageDelivered deliveredIn(PageDigest digest, Instant now) {
        requireSending();
        this.status = DeliveryStatus.DELIVERED;
        this.sent = digest.sent();
        this.settledAt = now;
        return new PageDelivered(page.pageId(), page.incidentId(), channel, sent.destination(), sent.messageRef(), now,
                digest.description());
    }

    /**
     * The channel stayed unavailable (or refused, under contact rules): reports the failure there and moves the page
     * to the next step of its routes, still {@link DeliveryStatus#SENDING}, so the timeline shows both the failure and
     * where the page went instead.
     */
    PageFailed failedOver(String reason, String nextChannel, int nextRouteIndex, Instant now) {
        requireSending();
        PageFailed failed = new PageFailed(page.pageId(), page.incidentId(), channel, reason, now);
        this.channel = nextChannel;
        this.routeIndex = nextRouteIndex;
        this.failureReason = reason;
        return failed;
    }

    PageFailed failed(String reason, Instant now) {
        requireSending();
        this.status = DeliveryStatus.FAILED;
        this.failureReason = reason;
        this.settledAt = now;
        return new PageFailed(page.pageId(), page.incidentId(), channel, reason, now);
    }

    /**
     * Takes in an incident event that changes what the message shows. True when the message has to be rewritten:
     * the page was delivered.
     */
    boolean show(IncidentChange change) {
        if (status != DeliveryStatus.DELIVERED) {
            return false;
        }
        state = change.applyTo(state);
        return true;
    }

    private void requireSending() {
        if (status != DeliveryStatus.SENDING) {
            throw new IllegalStateException("page " + page.pageId() + " is already " + status);
        }
    }

    public Page page() {
        return page;
    }

    /** The key of the line the page waited in ({@link Destination#key()}); null in pages stored before the lines. */
    public String destination() {
        return destination;
    }

    public String channel() {
        return channel;
    }

    public DeliveryStatus status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    /** Which step of the page's contact routes it is on. */
    public int routeIndex() {
        return routeIndex;
    }

    /** The trace the page was requested in, continued by its send; null outside a trace. */
    public String traceparent() {
        return traceparent;
    }

    /** The digest the page was folded into; null for a page sent on its own. */
    public String digestId() {
        return digestId;
    }

    /** When an instance last took the page to send it; null while waiting. */
    public Instant claimedAt() {
        return claimedAt;
    }

    public SentPage sent() {
        return sent;
    }

    public String failureReason() {
        return failureReason;
    }

    public Instant settledAt() {
        return settledAt;
    }

    public PageState state() {
        return state;
    }
}
