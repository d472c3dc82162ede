package io.oncallhq.notification.paging;

/**
 * Where a channel put a page.
 *
 * @param destination the channel's address of the recipient (a Slack DM channel id, a responder id)
 * @param messageRef  the channel's id of the message (Slack {@code ts}), null when messages cannot be updated
 */
public record SentPage(String destination, String messageRef) {
}
