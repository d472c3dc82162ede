package io.oncallhq.contracts.page;

import io.oncallhq.contracts.EventType;

import java.time.Instant;

/**
 * The page reached its channel.
 *
 * @param channel     {@code slack}, {@code console}, {@code webhook}, {@code email}
 * @param destination where on that channel (a Slack channel id, an address)
 * @param messageRef  the channel's id of the message (Slack {@code ts}), when it has one
 * @param digest      when the page went out folded into one message with others of a storm, what that message is
 *                    ({@code digest of 12 incidents on Checkout API}); null for a page sent on its own, and in
 *                    events written before digests existed
 */
@EventType("page.delivered.v1")
public record PageDelivered(
        String pageId,
        String incidentId,
        String channel,
        String destination,
        String messageRef,
        Instant deliveredAt,
        String digest) implements PageOutcomeEvent {

    public PageDelivered(String pageId, String incidentId, String channel, String destination, String messageRef,
                         Instant deliveredAt) {
        this(pageId, incidentId, channel, destination, messageRef, deliveredAt, null);
    }
}
