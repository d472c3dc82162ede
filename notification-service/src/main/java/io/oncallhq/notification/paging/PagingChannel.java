package io.oncallhq.notification.paging;

/**
 * A way to reach a responder (Slack, console; later webhook and email).
 *
 * <p>Retry contract: each call is ONE attempt. A channel never retries on its own and reports every failure as
 * {@link PagingFailedException}; retries, rate limits and circuit breaking belong to whoever wraps the channel
 * (Resilience4j instances per channel), and falling back to another channel to the delivery use case. A
 * {@code send} that returned has reached the channel; one that threw may or may not have.
 */
public interface PagingChannel {

    /** The name recorded on deliveries and in {@code PageDelivered.channel}: {@code slack}, {@code console}. */
    String name();

    SentPage send(Page page);

    /** Rewrites a sent page in place to show the incident's new state. Same contract as {@link #send}. */
    void update(Page page, SentPage sent, PageState state);

    /** Adds a line about the change to the sent page's thread; channels without threads add nothing. */
    default void threadLine(Page page, SentPage sent, IncidentChange change) {
    }
}
