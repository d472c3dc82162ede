package io.oncallhq.notification.paging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The order pages go out to one {@link Destination} (a responder on one channel): one message per the channel's pace
 * (Slack: about one a second per channel), and at each turn the most urgent of what waits, never simply what arrived
 * first. A page that arrives behind a backlog is weighed against what still waits at the next turn.
 *
 * <p>In a storm the waiting pages of one service fold into one digest message instead of one message each (on a
 * channel that can rewrite a message in place): when more than {@link DigestRule#waiting} pages wait for the
 * destination (each service with two or more of them), when more than {@link DigestRule#serviceIncidents} incidents
 * of the service were paged to it within {@link DigestRule#window}, or while the service's digest to it took in a
 * page within that window. A digest weighs as its most urgent waiting page, so a page of another service, or a more
 * urgent one, is not held up behind it.
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

    /**
     * When pages fold into digests.
     *
     * @param waiting          more pages than this waiting for one destination fold each service's waiting ones
     * @param serviceIncidents more incidents than this of one service paged to a destination within the window fold
     *                         that service's waiting pages
     * @param window           how far back incidents are counted, and how long a digest takes in pages after its
     *                         last one
     */
    record DigestRule(int waiting, int serviceIncidents, Duration window) {
    }

    /**
     * What a destination's turn decides from.
     *
     * @param waiting its pages not sent yet
     * @param recent  the pages requested for it lately, sent or not: each service's storm is counted from them
     * @param digests its latest digest of each service, by service id
     * @param folds   whether its channel sends digests
     */
    record Backlog(List<Page> waiting, List<Requested> recent, Map<String, PageDigest> digests, boolean folds) {
    }

    /** A page asked for, as far as counting a service's incidents needs it. */
    record Requested(String serviceId, String incidentId, Instant at) {
    }

    /** What goes out at a turn. */
    sealed interface Next {

        /** The page that weighs the message: its most urgent one. */
        Page mostUrgent();
    }

    /** One page, in a message of its own. */
    record Alone(Page page) implements Next {

        @Override
        public Page mostUrgent() {
            return page;
        }
    }

    /**
     * Pages of one service folded into a digest.
     *
     * @param pages most urgent first
     * @param into  the service's digest that still takes pages in; null to open a new one
     */
    record Fold(List<Page> pages, PageDigest into) implements Next {

        @Override
        public Page mostUrgent() {
            return pages.getFirst();
        }
    }

    private final DigestRule rule;

    SendingOrder(DigestRule rule) {
        this.rule = rule;
    }

    /** When the destination's next message may go: now, or one pace after its previous one started. */
    Instant turn(Instant previous, Duration pace, Instant now) {
        if (previous == null) {
            return now;
        }
        Instant next = previous.plus(pace);
        return next.isAfter(now) ? next : now;
    }

    /** What to send at this turn; empty when nothing waits. */
    Optional<Next> next(Backlog backlog, Instant now) {
        Map<String, List<Page>> byService = backlog.waiting().stream().sorted(MOST_URGENT_FIRST)
                .collect(Collectors.groupingBy(page -> Objects.toString(page.serviceId()), LinkedHashMap::new,
                        Collectors.toList()));
        List<Next> candidates = new ArrayList<>();
        byService.forEach((service, pages) -> {
            PageDigest open = backlog.digests().get(service);
            boolean joins = open != null && open.takesIn(now, rule.window());
            boolean backlogged = backlog.waiting().size() > rule.waiting() && pages.size() > 1;
            if (backlog.folds() && (joins || backlogged || storming(service, backlog.recent(), now))) {
                candidates.add(new Fold(pages, joins ? open : null));
            } else {
                pages.forEach(page -> candidates.add(new Alone(page)));
            }
        });
        return candidates.stream().min(Comparator.comparing(Next::mostUrgent, MOST_URGENT_FIRST));
    }

    /** More incidents of the service paged to the destination within the window than the rule allows one by one. */
    private boolean storming(String service, List<Requested> recent, Instant now) {
        Instant since = now.minus(rule.window());
        return recent.stream()
                .filter(page -> service.equals(Objects.toString(page.serviceId())))
                .filter(page -> page.at() != null && page.at().isAfter(since))
                .map(Requested::incidentId).distinct().count() > rule.serviceIncidents();
    }
}
