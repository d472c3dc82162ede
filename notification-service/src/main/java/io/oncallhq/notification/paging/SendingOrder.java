package io.oncallhq.notification.paging;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The order pages go out to one {@link Destination} (a responder on one channel): one message per the channel's pace
 * (Slack: about one a second per channel), and at each turn the most urgent page still waiting, never simply the one
 * that arrived first. A page that arrives behind a backlog is weighed against what still waits at the next turn.
 */
final class SendingOrder {

    /**
     * Critical, then error, warning and info (the declaration order of {@code Severity}; a page without one last),
     * the oldest request first among equals, the page id settling ties so every instance agrees.
     */
    static final Comparator<Page> MOST_URGENT_FIRST = Comparator
            .comparing(Page::severity, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Page::requestedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Page::pageId);

    /** When the destination's next message may go: now, or one pace after its previous one started. */
    Instant turn(Instant previous, Duration pace, Instant now) {
        if (previous == null) {
            return now;
        }
        Instant next = previous.plus(pace);
        return next.isAfter(now) ? next : now;
    }

    /** The page to send at this turn; empty when none waits. */
    Optional<Page> next(List<Page> waiting) {
        return waiting.stream().min(MOST_URGENT_FIRST);
    }
}
