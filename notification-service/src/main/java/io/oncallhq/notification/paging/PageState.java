package io.oncallhq.notification.paging;

import java.time.Instant;

/**
 * Where the paged incident stands, as far as a page message shows it.
 *
 * @param by     who acknowledged or resolved it (null while open)
 * @param at     when (null while open)
 * @param latest the last change shown (also an escalation or a reassignment, which keep the status); null at first
 */
public record PageState(Status status, String by, Instant at, IncidentChange latest) {

    public enum Status { OPEN, ACKNOWLEDGED, RESOLVED }

    public static final PageState OPEN = new PageState(Status.OPEN, null, null, null);

    public static PageState acknowledged(String by, Instant at) {
        return new PageState(Status.ACKNOWLEDGED, by, at, null);
    }

    public static PageState resolved(String by, Instant at) {
        return new PageState(Status.RESOLVED, by, at, null);
    }
}
