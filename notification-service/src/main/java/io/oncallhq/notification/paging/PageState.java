package io.oncallhq.notification.paging;

import java.time.Instant;

/**
 * Where the paged incident stands, as far as a page message shows it.
 *
 * @param by who changed it last (null while open)
 * @param at when (null while open)
 */
public record PageState(Status status, String by, Instant at) {

    public enum Status { OPEN, ACKNOWLEDGED, RESOLVED }

    public static final PageState OPEN = new PageState(Status.OPEN, null, null);

    public static PageState acknowledged(String by, Instant at) {
        return new PageState(Status.ACKNOWLEDGED, by, at);
    }

    public static PageState resolved(String by, Instant at) {
        return new PageState(Status.RESOLVED, by, at);
    }
}
