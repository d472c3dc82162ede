package io.oncallhq.notification.paging;

/** The channel refused or could not take the page (or the update); {@code reason} travels in {@code PageFailed}. */
public class PagingFailedException extends RuntimeException {

    public PagingFailedException(String reason) {
        super(reason);
    }

    public PagingFailedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
