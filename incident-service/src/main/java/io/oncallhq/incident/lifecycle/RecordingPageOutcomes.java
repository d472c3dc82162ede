package io.oncallhq.incident.lifecycle;

import io.oncallhq.contracts.cloudevents.ReceivedEvent;
import io.oncallhq.contracts.incident.PageRecorded;
import io.oncallhq.contracts.page.PageDelivered;
import io.oncallhq.contracts.page.PageFailed;
import io.oncallhq.contracts.page.PageOutcomeEvent;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;

import static io.oncallhq.incident.lifecycle.Incidents.changed;
import static io.oncallhq.incident.lifecycle.Incidents.unchanged;

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
        incidents.update(event.data().incidentId(), incident -> {
            if (incident.hasProcessed(event.id())) {
                return unchanged();
            }
            var events = switch (event.data()) {
                case PageDelivered delivered -> incident.pageOutcome(delivered.pageId(), PageRecorded.DELIVERED,
                        delivered.destination() == null ? delivered.channel()
                                : delivered.channel() + " " + delivered.destination(), delivered.digest(), now);
                case PageFailed failed -> incident.pageOutcome(failed.pageId(), PageRecorded.FAILED,
                        failed.channel() + ": " + failed.reason(), null, now);
            };
            incident.markProcessed(event.id());
            return changed(events);
        });
    }
}
