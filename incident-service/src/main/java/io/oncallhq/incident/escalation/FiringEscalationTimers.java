package io.oncallhq.incident.escalation;

import io.oncallhq.incident.lifecycle.IncidentNotFoundException;
import io.oncallhq.incident.lifecycle.Incidents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.oncallhq.outbox.Change.changed;
import static io.oncallhq.outbox.Change.unchanged;

/**
 * Claims due timers and fires them. Exactly-once paging does not rest on the lease (a stalled claimer may lose it
 * and fire late): the incident only accepts the step it is waiting for, and saves the pages with optimistic
 * locking, so a second firing of the same step finds nothing to do.
 */
@Service
class FiringEscalationTimers {

    private static final Logger log = LoggerFactory.getLogger(FiringEscalationTimers.class);

    private final EscalationTimers timers;
    private final Incidents incidents;
    private final Escalating escalating;
    private final EscalationProperties properties;
    private final Clock clock;
    private final String instanceId;

    FiringEscalationTimers(EscalationTimers timers, Incidents incidents, Escalating escalating,
                           EscalationProperties properties, Clock clock) {
        this.timers = timers;
        this.incidents = incidents;
        this.escalating = escalating;
        this.properties = properties;
        this.clock = clock;
        this.instanceId = properties.instanceId() == null || properties.instanceId().isBlank()
                ? "incident-service-" + UUID.randomUUID() : properties.instanceId();
    }

    /** Fires every timer due now; returns how many it claimed. */
    int fireDue() {
        int fired = 0;
        Optional<EscalationTimer> claimed;
        while ((claimed = timers.claimDue(instanceId, clock.instant(), properties.lease())).isPresent()) {
            fire(claimed.get());
            fired++;
        }
        return fired;
    }

    /** Stores the timer of every pending step that lacks one; scheduling is idempotent, so this only fills gaps. */
    void repairMissingTimers() {
        incidents.withPendingEscalation().forEach(incident ->
                timers.schedule(incident.id(), incident.nextEscalation()));
    }

    private void fire(EscalationTimer timer) {
        try {
            incidents.update(timer.incidentId(), incident -> {
                Instant now = clock.instant();
                return switch (incident.escalationDue(timer.level(), timer.round(), timer.cycle(), now)) {
                    case STALE -> unchanged();
                    case SKIPPED -> changed(List.of());
                    case PAGE -> changed(escalating.escalateOnTimer(incident, timer.level(), timer.round(), now));
                };
            });
        } catch (IncidentNotFoundException gone) {
            log.warn("Escalation timer {} names no incident; dropping it", timer.id());
        }
        timers.markDone(timer, instanceId, clock.instant());
    }
}
