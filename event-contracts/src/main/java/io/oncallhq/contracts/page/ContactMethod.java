package io.oncallhq.contracts.page;

/**
 * One way to reach a responder, in the order of their contact rules.
 *
 * @param channel {@link #SLACK}, {@link #WEBHOOK} or {@link #EMAIL}
 * @param address the Slack user id, the webhook URL or the e-mail address
 */
public record ContactMethod(String channel, String address) {

    public static final String SLACK = "slack";
    public static final String WEBHOOK = "webhook";
    public static final String EMAIL = "email";
}
