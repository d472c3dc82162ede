package io.oncallhq.notification.slack;

/** No signing secret is configured, so no Slack request can be trusted: answered 503. */
public class SlackNotConfiguredException extends RuntimeException {

    public SlackNotConfiguredException() {
        super("SLACK_SIGNING_SECRET is not set: Slack interactions cannot be verified and are refused");
    }
}
