package io.oncallhq.notification.paging;

import io.oncallhq.contracts.Actor;
import io.oncallhq.contracts.cloudevents.ReceivedEvent;
import io.oncallhq.contracts.incident.AlertAttached;
import io.oncallhq.contracts.incident.IncidentAcknowledged;
import io.oncallhq.contracts.incident.IncidentEscalated;
import io.oncallhq.contracts.incident.IncidentEvent;
import io.oncallhq.contracts.incident.IncidentReassigned;
import io.oncallhq.contracts.incident.IncidentReopened;
import io.oncallhq.contracts.incident.IncidentResolved;
import io.oncallhq.contracts.incident.IncidentTriggered;
import io.oncallhq.contracts.incident.NoteAdded;
import io.oncallhq.contracts.incident.PageRecorded;
import io.oncallhq.contracts.incident.PagingSuppressed;
import io.oncallhq.contracts.incident.PriorityChanged;
import io.oncallhq.contracts.incident.SeverityChanged;
import io.oncallhq.notification.paging.PageDeliveries.Change;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Keeps the delivered page messages of an incident true to it: acknowledged or resolved, by whom, and only the
 * buttons that still make sense. Each delivery records the incident event ids it took in, so a redelivered event
 * rewrites nothing. A channel failure is thrown, so the binding retries (deliveries already rewritten are skipped)
 * and finally dead-letters the event.
 */
@Service
class UpdatingPageMessages {

    private static final Logger log = LoggerFactory.getLogger(UpdatingPageMessages.class);

    private final PageDeliveries deliveries;
    private final PagingChannel channel;

    UpdatingPageMessages(PageDeliveries deliveries, PagingChannels channels) {
        this.deliveries = deliveries;
        this.channel = channels.primary();
    }

    void handle(ReceivedEvent<IncidentEvent> event) {
        PageState next = switch (event.data()) {
            case IncidentAcknowledged acknowledged -> PageState.acknowledged(nameOf(acknowledged.by()),
                    acknowledged.occurredAt());
            case IncidentResolved resolved -> PageState.resolved(nameOf(resolved.by()), resolved.occurredAt());
            case IncidentTriggered ignored -> null;
            case AlertAttached ignored -> null;
            case IncidentEscalated ignored -> null;
            case IncidentReopened ignored -> PageState.OPEN; // buttons back: the incident needs someone again
            case NoteAdded ignored -> null;
            case SeverityChanged ignored -> null;
            case PageRecorded ignored -> null;
            case PriorityChanged ignored -> null;
            case PagingSuppressed ignored -> null;
            case IncidentReassigned ignored -> null;
        };
        if (next == null) {
            return;
        }
        for (String pageId : deliveries.deliveredPageIds(event.data().incidentId())) {
            // May run twice after a concurrent write; rewriting a message with the same content is harmless.
            deliveries.update(pageId, delivery -> {
                if (!delivery.show(event.id(), next)) {
                    return Change.NONE;
                }
                if (delivery.channel().equals(channel.name())) {
                    channel.update(delivery.page(), delivery.sent(), next);
                } else {
                    log.info("Page {} went out on {}, which is not active now; its message is left as it is",
                            pageId, delivery.channel());
                }
                return Change.saved();
            });
        }
    }

    private static String nameOf(Actor actor) {
        if (actor == null) {
            return "someone";
        }
        return actor.name() != null && !actor.name().isBlank() ? actor.name() : actor.id();
    }
}
