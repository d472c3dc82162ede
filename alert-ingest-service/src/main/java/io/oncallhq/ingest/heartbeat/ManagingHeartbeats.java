package io.oncallhq.ingest.heartbeat;

import io.oncallhq.ingest.integration.Integration;
import io.oncallhq.ingest.integration.IntegrationType;
import io.oncallhq.ingest.integration.ManagingIntegrations;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.function.UnaryOperator;

/** Setting up, reading, pausing and resuming a heartbeat integration's heartbeat. */
@Component
class ManagingHeartbeats {

    private final ManagingIntegrations integrations;
    private final Heartbeats heartbeats;
    private final Clock clock;

    ManagingHeartbeats(ManagingIntegrations integrations, Heartbeats heartbeats, Clock clock) {
        this.integrations = integrations;
        this.heartbeats = heartbeats;
        this.clock = clock;
    }

    /** Starts the heartbeat (the first ping is due within interval and grace) or changes its schedule. */
    Heartbeat schedule(String integrationId, Duration interval, Duration grace) {
        Integration integration = integrations.get(integrationId);
        if (integration.type() != IntegrationType.HEARTBEAT) {
            throw new NoHeartbeatException("Integration " + integrationId + " is of type " + integration.type().wireName()
                    + ", not heartbeat");
        }
        return heartbeats.find(integrationId)
                .map(existing -> heartbeats.replace(existing.withSchedule(interval, grace, clock.instant())))
                .orElseGet(() -> start(integration, interval, grace));
    }

    /** @throws NoHeartbeatException when none was set up (or the integration is of another type) */
    Heartbeat get(String integrationId) {
        integrations.get(integrationId);
        return heartbeats.find(integrationId).orElseThrow(() -> new NoHeartbeatException(
                "Integration " + integrationId + " has no heartbeat set up: PUT /integrations/" + integrationId + "/heartbeat/settings first"));
    }

    Heartbeat pause(String integrationId) {
        return change(integrationId, Heartbeat::pausedNow);
    }

    Heartbeat resume(String integrationId) {
        return change(integrationId, heartbeat -> heartbeat.resumed(clock.instant()));
    }

    private Heartbeat start(Integration integration, Duration interval, Duration grace) {
        Heartbeat started = Heartbeat.start(integration.id(), integration.serviceId(), interval, grace, clock.instant());
        try {
            heartbeats.insert(started);
            return started;
        } catch (DuplicateKeyException concurrentlyStarted) {
            return heartbeats.replace(heartbeats.find(integration.id()).orElseThrow().withSchedule(interval, grace, clock.instant()));
        }
    }

    private Heartbeat change(String integrationId, UnaryOperator<Heartbeat> change) {
        return heartbeats.replace(change.apply(get(integrationId)));
    }
}
