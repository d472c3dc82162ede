package io.oncallhq.notification.paging;

import java.time.Duration;
import java.util.Optional;

/**
 * A way to reach a responder (Slack, the signed webhook, e-mail; the console without Slack).
 *
 * <p>Retry contract: each call is ONE attempt. A channel never retries on its own and reports every failure as
 * {@link PagingFailedException}; retries, rate limits and circuit breaking belong to whoever wraps the channel
 * (Resilience4j instances per channel), and falling back to another channel to the delivery use case. A
 * {@code send} that returned has reached the channel; one that threw may or may not have.
 */
public interface PagingChannel {

    /** The name recorded on deliveries and in {@code PageDelivered.channel}: {@code slack}, {@code email}... */
    String name();

    /**
     * The least time between two messages to one responder here (Slack: about one a second per channel). Pages for a
     * responder wait for their turn in the sending loop, the most urgent first; zero when the channel sets no pace.
     */
    default Duration pace() {
        return Duration.ZERO;
    }

    /**
     * @param address where the responder's contact rule says to reach them (a Slack user id, a webhook URL, an e-mail
     *                address); null for the channel's default (the responder's Slack user id or e-mail, the
     *                configured webhook URL)
     */
    SentPage send(Page page, String address);

    /**
     * Whether the channel can fold a storm's pages into one message and rewrite it in place as more come
     * ({@link #sendDigest}, {@link #updateDigest}); pages on other channels go one by one.
     */
    default boolean digests() {
        return false;
    }

    /** Posts the digest's message. Same contract as {@link #send}. */
    default SentPage sendDigest(PageDigest digest, String address) {
        throw new UnsupportedOperationException(name() + " sends no digests");
    }

    /** Rewrites the digest's message in place to show what it holds now. Same contract as {@link #send}. */
    default void updateDigest(PageDigest digest, SentPage sent) {
        throw new UnsupportedOperationException(name() + " sends no digests");
    }

    /** Rewrites a sent page in place to show the incident's new state. Same contract as {@link #send}. */
    void update(Page page, SentPage sent, PageState state);

    /**
     * Looks for the page among what the channel already took: asked before sending a page again whose earlier attempt
     * never recorded an outcome. Empty when it is not there or the channel cannot tell (the page is then sent again:
     * twice rather than never).
     */
    default Optional<SentPage> findSent(Page page, String address) {
        return Optional.empty();
    }

    /** Adds a line about the change to the sent page's thread; channels without threads add nothing. */
    default void threadLine(Page page, SentPage sent, IncidentChange change) {
    }
}
