package io.oncallhq.notification.slack;

/** A Slack request's body is over the configured limit: answered 413, the body not read further nor hashed. */
public class SlackRequestTooLargeException extends RuntimeException {

    public SlackRequestTooLargeException(long limitBytes) {
        super("The request body is larger than " + limitBytes + " bytes");
    }
}
