package io.oncallhq.notification.slack;

/** The request does not carry a valid, fresh Slack signature: answered 401, nothing done. */
public class InvalidSlackSignatureException extends RuntimeException {

    public InvalidSlackSignatureException(String reason) {
        super(reason);
    }
}
