package io.oncallhq.contracts.page;

import io.oncallhq.contracts.EventType;

import java.time.Instant;

/**
 * The page reached its channel.
 *
 * @param channel     {@code slack}, {@code console}, {@code webhook}, {@code email}
 * @param destination where on that channel (a Slack channel id, an address)
 * @param messageRef  the channel's id of the message (Slack {@code ts}), when it has one
 */
@EventType("page.delivered.v1")
public record PageDelivered(
        String pageId,
        String incidentId,
        String channel,
        String destination,
        String messageRef,
        Instant deliveredAt) implements PageOutcomeEvent {
}
