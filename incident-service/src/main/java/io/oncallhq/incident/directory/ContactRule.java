package io.oncallhq.incident.directory;

import io.oncallhq.contracts.page.ContactMethod;

/**
 * One way to reach a responder, in the order they chose.
 *
 * @param channel {@code slack}, {@code webhook} or {@code email} (the values of {@link ContactMethod})
 * @param address the Slack user id, the webhook URL or the e-mail address
 */
public record ContactRule(String channel, String address) {

    public ContactMethod toContactMethod() {
        return new ContactMethod(channel, address);
    }
}
