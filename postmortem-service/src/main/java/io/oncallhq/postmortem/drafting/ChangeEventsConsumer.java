package io.oncallhq.postmortem.drafting;

import io.oncallhq.contracts.change.ChangeEvent;
import io.oncallhq.contracts.change.ChangeRecorded;
import io.oncallhq.contracts.cloudevents.CloudEventCodec;
import io.oncallhq.contracts.cloudevents.ReceivedEvent;
import io.oncallhq.postmortem.change.ServiceChange;
import io.oncallhq.postmortem.change.ServiceChanges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * The {@code changes} topic: stores each change once (by CloudEvent id), then adds it to the post-mortems already
 * drafted for incidents it falls around (it may arrive late: a slow sender, consumer lag); drafts made later find it
 * in the store. The second step runs even for a redelivered record, so a crash between the two writes is repaired by
 * the redelivery. Types this service does not know yet are skipped.
 */
@Component("changeEvents")
class ChangeEventsConsumer implements Consumer<Message<byte[]>> {

    private static final Logger log = LoggerFactory.getLogger(ChangeEventsConsumer.class);

    private final CloudEventCodec codec;
    private final ServiceChanges changes;
    private final Drafting drafting;
    private final DraftingObservation draftingObservation;

    ChangeEventsConsumer(CloudEventCodec codec, ServiceChanges changes, Drafting drafting,
                         DraftingObservation draftingObservation) {
        this.codec = codec;
        this.changes = changes;
        this.drafting = drafting;
        this.draftingObservation = draftingObservation;
    }

    @Override
    public void accept(Message<byte[]> message) {
        Optional<ReceivedEvent<ChangeEvent>> received = codec.decode(message, ChangeEvent.class);
        if (received.isEmpty()) {
            log.debug("Skipping a changes record of unknown type {}", message.getHeaders().get("ce_type"));
            return;
        }
        ReceivedEvent<ChangeEvent> event = received.get();
        switch (event.data()) {
            case ChangeRecorded recorded -> recorded(ServiceChange.of(event.id(), recorded));
        }
    }

    private void recorded(ServiceChange change) {
        changes.record(change);
        for (String incidentId : drafting.incidentsAround(change)) {
            draftingObservation.observe(null, () -> drafting.addLateChanges(incidentId));
        }
    }
}
