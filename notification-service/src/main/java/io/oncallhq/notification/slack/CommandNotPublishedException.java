package io.oncallhq.notification.slack;

/** The broker did not take the command: answered 503, so the user sees the button failed and can press it again. */
public class CommandNotPublishedException extends RuntimeException {

    public CommandNotPublishedException(Throwable cause) {
        super("the incident command could not be published: " + cause.getMessage(), cause);
    }
}
