package io.oncallhq.ingest.heartbeat;

import io.oncallhq.ingest.integration.ConcurrentChangeException;
import io.oncallhq.ingest.integration.Integration;
import io.oncallhq.ingest.publishing.EventPublisher;
import io.oncallhq.ingest.publishing.IngestTopic;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/** A ping: the job is alive. It resolves the heartbeat's overdue alert, if there is one. */
@Component
class PingingHeartbeats {

    private static final int ATTEMPTS = 5;

    private final Heartbeats heartbeats;
    private final EventPublisher publisher;
    private final Clock clock;

    PingingHeartbeats(Heartbeats heartbeats, EventPublisher publisher, Clock clock) {
        this.heartbeats = heartbeats;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * The resolve is published before the ping is stored: a crash in between leaves the heartbeat overdue, and
     * the next ping publishes the same event id again.
     *
     * @throws io.oncallhq.ingest.publishing.BrokerUnavailableException when the resolve could not be published; nothing was stored
     */
    Heartbeat ping(Integration integration) {
        for (int attempt = 1; ; attempt++) {
            Heartbeat heartbeat = heartbeats.find(integration.id()).orElseThrow(() -> new NoHeartbeatException(
                    "Integration " + integration.id() + " has no heartbeat set up"));
            Instant now = clock.instant();
            if (heartbeat.overdue()) {
                publisher.publish(IngestTopic.ALERTS, heartbeat.recoveredAlert(now), heartbeat.recoveredEventId(), now);
            }
            try {
                return heartbeats.replace(heartbeat.pinged(now));
            } catch (ConcurrentChangeException changed) {
                if (attempt == ATTEMPTS) {
                    throw changed;
                }
            }
        }
    }
}
