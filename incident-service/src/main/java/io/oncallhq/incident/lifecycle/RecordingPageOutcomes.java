package io.oncallhq.incident.lifecycle;

import io.oncallhq.contracts.cloudevents.ReceivedEvent;
import io.oncallhq.contracts.incident.PageRecorded;
import io.oncallhq.contracts.page.PageDelivered;
import io.oncallhq.contracts.page.PageFailed;
import io.oncallhq.contracts.page.PageOutcomeEvent;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;

import static io.oncallhq.outbox.Change.changed;

/** What notification-service reports about pages goes on the incident's timeline. Idempotent by event id. */
@Service
class RecordingPageOutcomes {

    private final Incidents incidents;
    private final Clock clock;

    RecordingPageOutcomes(Incidents incidents, Clock clock) {
        this.incidents = incidents;
        this.clock = clock;
    }

    void handle(ReceivedEvent<PageOutcomeEvent> event) {
        Instant now = clock.instant();
        incidents.updateOnce(event.data().incidentId(), event.id(), incident -> {
            var events = switch (event.data()) {
                case PageDelivered delivered -> incident.pageOutcome(delivered.pageId(), PageRecorded.DELIVERED,
                        delivered.destination() == null ? delivered.channel()
                                : delivered.channel() + " " + delivered.destination(), delivered.digest(), now);
                case PageFailed failed -> incident.pageOutcome(failed.pageId(), PageRecorded.FAILED,
                        failed.channel() + ": " + failed.reason(), null, now);
            };
            return changed(events);
        });
    }
}
