package io.oncallhq.ingest.heartbeat;

import io.oncallhq.ingest.integration.Integrations;
import io.oncallhq.ingest.publishing.EventPublisher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;

/** Checks for overdue heartbeats every {@code ingest.heartbeat.check-interval}, on every replica. */
@Component
class HeartbeatSchedule {

    private final OverdueHeartbeats overdue;

    HeartbeatSchedule(Heartbeats heartbeats, Integrations integrations, EventPublisher publisher, Clock clock,
                      @Value("${ingest.heartbeat.lease:30s}") Duration lease) {
        this.overdue = new OverdueHeartbeats(heartbeats, integrations, publisher, clock, lease);
    }

    @Scheduled(initialDelayString = "${ingest.heartbeat.check-interval:15s}", fixedDelayString = "${ingest.heartbeat.check-interval:15s}")
    void check() {
        overdue.raiseOverdue();
    }
}
