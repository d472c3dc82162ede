package io.oncallhq.notification.paging;

import io.oncallhq.contracts.cloudevents.ReceivedEvent;
import io.oncallhq.contracts.incident.IncidentEvent;
import io.oncallhq.outbox.Change;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.util.Optional;

/**
 * Keeps the page messages of an incident true to it (acknowledged, resolved, escalated, reassigned, reopened: by whom,
 * and only the buttons that still make sense): each delivered page and the team channel message are rewritten in
 * place and get one line in their thread. Each message records the incident event ids it took in, so a redelivered
 * event rewrites and adds nothing. A channel failure is thrown, so the binding retries (messages already done are
 * skipped) and finally dead-letters the event. A page delivered in a digest only records the state (so its incident's
 * buttons know when they are stale): the digest lists many incidents and is not rewritten for one.
 */
@Service
class UpdatingPageMessages {

    private static final Logger log = LoggerFactory.getLogger(UpdatingPageMessages.class);

    private final PageDeliveries deliveries;
    private final PagingChannels channels;
    private final PostingToTeamChannels teamChannels;

    UpdatingPageMessages(PageDeliveries deliveries, PagingChannels channels, PostingToTeamChannels teamChannels) {
        this.deliveries = deliveries;
        this.channels = channels;
        this.teamChannels = teamChannels;
    }

    void handle(ReceivedEvent<IncidentEvent> event) {
        Optional<IncidentChange> found = IncidentChange.of(event.data());
        if (found.isEmpty()) {
            return;
        }
        IncidentChange change = found.get();
        String incidentId = event.data().incidentId();
        for (String pageId : deliveries.deliveredPageIds(incidentId)) {
            // Runs again only after a concurrent write to this delivery (rare: its outcome is settled already).
            deliveries.updateOnce(pageId, event.id(), delivery -> {
                if (!delivery.show(change)) {
                    return Change.unchanged();
                }
                if (delivery.digestId() != null) {
                    return Change.changed(); // a digest lists a storm's incidents; one incident's change leaves it as it is
                }
                // The thread line first: whoever sees the message rewritten sees its line too.
                channels.named(delivery.channel()).ifPresentOrElse(channel -> {
                    channel.threadLine(delivery.page(), delivery.sent(), change);
                    channel.update(delivery.page(), delivery.sent(), delivery.state());
                }, () -> log.info("Page {} went out on {}, which is not active now; its message is left as it is",
                        pageId, delivery.channel()));
                return Change.changed();
            });
        }
        teamChannels.apply(incidentId, event.id(), change);
    }
}
