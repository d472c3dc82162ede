package io.oncallhq.ingest.heartbeat;

import io.oncallhq.ingest.integration.ConcurrentChangeException;
import io.oncallhq.ingest.integration.Integrations;
import io.oncallhq.ingest.publishing.BrokerUnavailableException;
import io.oncallhq.ingest.publishing.EventPublisher;
import io.oncallhq.ingest.publishing.IngestTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Raises an alert for each heartbeat whose ping is overdue, once, however many replicas check: claim (an atomic
 * lease), publish with the episode's event id, then mark it overdue. A crash after publishing lets the lease run
 * out; the next claim publishes the same event id again, which consumers drop as a redelivery.
 */
public class OverdueHeartbeats {

    private static final Logger log = LoggerFactory.getLogger(OverdueHeartbeats.class);

    private final Heartbeats heartbeats;
    private final Integrations integrations;
    private final EventPublisher publisher;
    private final Clock clock;
    private final Duration lease;

    public OverdueHeartbeats(Heartbeats heartbeats, Integrations integrations, EventPublisher publisher, Clock clock, Duration lease) {
        this.heartbeats = heartbeats;
        this.integrations = integrations;
        this.publisher = publisher;
        this.clock = clock;
        this.lease = lease;
    }

    /** @return how many overdue alerts this call raised */
    public int raiseOverdue() {
        Instant now = clock.instant();
        int raised = 0;
        Optional<Heartbeat> claimed;
        while ((claimed = heartbeats.claimOverdue(now, lease)).isPresent()) {
            Heartbeat heartbeat = claimed.get();
            if (integrations.find(heartbeat.integrationId()).isEmpty()) {
                heartbeats.delete(heartbeat.integrationId()); // the integration was deleted: nobody expects its pings
                continue;
            }
            try {
                publisher.publish(IngestTopic.ALERTS, heartbeat.overdueAlert(now), heartbeat.overdueEventId(), now);
            } catch (BrokerUnavailableException e) {
                log.warn("Heartbeat {} is overdue but Kafka is unavailable; trying again after the lease", heartbeat.integrationId());
                return raised;
            }
            if (markOverdue(heartbeat)) {
                raised++;
            } else {
                takeBack(heartbeat, now);
            }
        }
        return raised;
    }

    private boolean markOverdue(Heartbeat heartbeat) {
        try {
            heartbeats.replace(heartbeat.markedOverdue());
            return true;
        } catch (ConcurrentChangeException changed) {
            return false;
        }
    }

    /** A ping (or a pause) came between the claim and the mark: the alert is out already, so resolve it. */
    private void takeBack(Heartbeat heartbeat, Instant now) {
        log.info("Heartbeat {} changed while its overdue alert was being raised; resolving that alert", heartbeat.integrationId());
        try {
            publisher.publish(IngestTopic.ALERTS, heartbeat.recoveredAlert(now), heartbeat.recoveredEventId(), now);
        } catch (BrokerUnavailableException e) {
            // The alert stays open, so the heartbeat must say so too: marked overdue, its next ping resolves it.
            log.warn("Could not resolve the overdue alert of heartbeat {}: Kafka is unavailable; its next ping will",
                    heartbeat.integrationId());
            heartbeats.find(heartbeat.integrationId()).ifPresent(current -> {
                if (!markOverdue(current)) {
                    log.warn("Heartbeat {} changed again; its overdue alert may stay open until resolved by hand",
                            heartbeat.integrationId());
                }
            });
        }
    }
}
