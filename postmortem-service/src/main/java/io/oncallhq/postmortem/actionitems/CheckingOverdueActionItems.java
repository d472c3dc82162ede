package io.oncallhq.postmortem.actionitems;

import io.oncallhq.postmortem.config.PostmortemProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Announces each open action item whose due date passed, once per item and due date: the announcement is
 * recorded in the item's document together with the event in its outbox (one write of the outbox writer, through
 * {@link ActionItems#announceOverdue}), so running the check again, on another replica or after a restart, finds
 * nothing left to announce. Days are UTC days.
 */
@Component
class CheckingOverdueActionItems {

    private static final Logger log = LoggerFactory.getLogger(CheckingOverdueActionItems.class);

    private final ActionItems actionItems;
    private final PostmortemProperties properties;
    private final Clock clock;

    CheckingOverdueActionItems(ActionItems actionItems, PostmortemProperties properties, Clock clock) {
        this.actionItems = actionItems;
        this.properties = properties;
        this.clock = clock;
    }

    /** Returns how many items were announced in this run. */
    @Scheduled(fixedDelayString = "${postmortem.overdue-check-interval}",
            initialDelayString = "${postmortem.overdue-check-interval}")
    int check() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        int announced = 0;
        for (ActionItem candidate : actionItems.overdueOn(today)) {
            if (announce(candidate, today, now)) {
                announced++;
            }
        }
        return announced;
    }

    private boolean announce(ActionItem candidate, LocalDate today, Instant now) {
        try {
            // Asked of the item as stored at each attempt: a change meanwhile (done, a new due date) is respected.
            boolean announced = actionItems.announceOverdue(candidate.id(), item ->
                    item.overdueAnnouncement(today, properties.postmortemUrl(item.postmortemId()), now));
            if (announced) {
                log.info("Action item {} of post-mortem {} is overdue since {}", candidate.id(),
                        candidate.postmortemId(), candidate.dueDate());
            }
            return announced;
        } catch (OptimisticLockingFailureException keptChanging) {
            log.warn("Action item {} kept changing; the next check announces it", candidate.id());
            return false;
        }
    }
}
