package io.oncallhq.postmortem.actionitems;

import io.oncallhq.contracts.cloudevents.CloudEventCodec;
import io.oncallhq.contracts.postmortem.ActionItemOverdue;
import io.oncallhq.outbox.OutboxMessage;
import io.oncallhq.outbox.OutboxRelay;
import io.oncallhq.postmortem.config.PostmortemProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * Announces each open action item whose due date passed, once per item and due date: the announcement is
 * recorded in the item's document together with the event in its outbox, so running the check again, on
 * another replica or after a restart, finds nothing left to announce. Days are UTC days.
 */
@Component
class CheckingOverdueActionItems {

    static final String BINDING = "postmortems-out-0";
    private static final Logger log = LoggerFactory.getLogger(CheckingOverdueActionItems.class);
    private static final int ATTEMPTS = 5;

    private final ActionItems actionItems;
    private final CloudEventCodec codec;
    private final OutboxRelay relay;
    private final PostmortemProperties properties;
    private final Clock clock;

    CheckingOverdueActionItems(ActionItems actionItems, CloudEventCodec codec, OutboxRelay relay,
                               PostmortemProperties properties, Clock clock) {
        this.actionItems = actionItems;
        this.codec = codec;
        this.relay = relay;
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
        ActionItem item = candidate;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<ActionItemOverdue> overdue = item.overdueAnnouncement(today,
                    properties.postmortemUrl(item.postmortemId()), now);
            if (overdue.isEmpty()) {
                return false;
            }
            OutboxMessage message = OutboxMessage.of(BINDING, codec, overdue.get(), UUID.randomUUID().toString(), now);
            if (actionItems.replaceIfUnchanged(item.announcedOverdue(message))) {
                log.info("Action item {} of post-mortem {} is overdue since {}", item.id(), item.postmortemId(),
                        item.dueDate());
                relay.relaySoon(ActionItems.COLLECTION, item.id());
                return true;
            }
            Optional<ActionItem> reloaded = actionItems.find(item.postmortemId(), item.id());
            if (reloaded.isEmpty()) {
                return false;
            }
            item = reloaded.get();
        }
        log.warn("Action item {} kept changing; the next check announces it", candidate.id());
        return false;
    }
}
