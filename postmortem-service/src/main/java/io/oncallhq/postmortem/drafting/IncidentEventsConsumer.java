package io.oncallhq.postmortem.drafting;

import io.oncallhq.contracts.cloudevents.CloudEventCodec;
import io.oncallhq.contracts.cloudevents.ReceivedEvent;
import io.oncallhq.contracts.incident.IncidentEvent;
import io.oncallhq.contracts.incident.IncidentResolved;
import io.oncallhq.postmortem.history.IncidentHistories;
import io.oncallhq.postmortem.history.IncidentHistory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * The {@code incidents} topic: projects each event into its incident's history, then drafts or refreshes the
 * post-mortem ({@link DraftingObservation} puts that in a span). The draft step runs even for a redelivered event,
 * so a crash between the two writes is repaired by the redelivery. Types this service does not know yet are skipped.
 */
@Component("incidentEvents")
class IncidentEventsConsumer implements Consumer<Message<byte[]>> {

    private static final Logger log = LoggerFactory.getLogger(IncidentEventsConsumer.class);

    private final CloudEventCodec codec;
    private final IncidentHistories histories;
    private final Drafting drafting;
    private final DraftingObservation draftingObservation;

    IncidentEventsConsumer(CloudEventCodec codec, IncidentHistories histories, Drafting drafting,
                           DraftingObservation draftingObservation) {
        this.codec = codec;
        this.histories = histories;
        this.drafting = drafting;
        this.draftingObservation = draftingObservation;
    }

    @Override
    public void accept(Message<byte[]> message) {
        Optional<ReceivedEvent<IncidentEvent>> received = codec.decode(message, IncidentEvent.class);
        if (received.isEmpty()) {
            log.debug("Skipping an incidents record of unknown type {}", message.getHeaders().get("ce_type"));
            return;
        }
        ReceivedEvent<IncidentEvent> event = received.get();
        IncidentHistory history = histories.record(event.id(), event.data());
        draftingObservation.observe(openingTraceOf(event.data()), () -> drafting.draftOrRefresh(history));
    }

    /**
     * The resolve drafts the post-mortem (or refreshes it after a reopen), so that run joins the trace the incident
     * was opened in; a run after any other event belongs to that event's trace.
     */
    private static String openingTraceOf(IncidentEvent event) {
        return event instanceof IncidentResolved resolved ? resolved.openingTraceparent() : null;
    }
}
