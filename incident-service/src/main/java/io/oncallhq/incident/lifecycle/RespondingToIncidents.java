package io.oncallhq.incident.lifecycle;

import io.oncallhq.contracts.Actor;
import io.oncallhq.contracts.ContractEvent;
import io.oncallhq.contracts.Severity;
import io.oncallhq.incident.escalation.Escalating;
import io.oncallhq.incident.directory.OnCallDirectory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.oncallhq.outbox.Change.changed;

/** What a responder does through the REST API. An illegal transition is the caller's error (409). */
@Service
class RespondingToIncidents {

    private final Incidents incidents;
    private final Escalating escalating;
    private final OnCallDirectory directory;
    private final Clock clock;

    RespondingToIncidents(Incidents incidents, Escalating escalating, OnCallDirectory directory, Clock clock) {
        this.incidents = incidents;
        this.escalating = escalating;
        this.directory = directory;
        this.clock = clock;
    }

    /** @param repeated true when the incident was acknowledged before: the call changed nothing */
    record Acknowledgement(Incident incident, boolean repeated) {
    }

    Acknowledgement acknowledge(String incidentId, Actor by) {
        AtomicBoolean repeated = new AtomicBoolean();
        Incident incident = incidents.update(incidentId, found -> {
            repeated.set(found.status() == IncidentStatus.ACKNOWLEDGED);
            return changed(found.acknowledge(by, clock.instant()));
        });
        return new Acknowledgement(incident, repeated.get());
    }

    Incident resolve(String incidentId, Actor by) {
        return incidents.update(incidentId, incident -> changed(incident.resolve(by, null, clock.instant())));
    }

    /** Pages the next level now; 409 when resolved. A policy with no further level leaves a timeline line. */
    Incident escalate(String incidentId, Actor by) {
        return incidents.update(incidentId, incident -> changed(escalating.escalateOnRequest(incident, by,
                clock.instant())));
    }

    /** Pages the responder at the current level, in the same write as the reassignment; 409 when resolved. */
    Incident reassign(String incidentId, Actor by, String responderId) {
        return incidents.update(incidentId, incident -> changed(escalating.reassign(incident, responderId, by,
                clock.instant())));
    }

    /** Open again and page level 1 again, with fresh escalation timers; 409 unless resolved. */
    Incident reopen(String incidentId, Actor by, String reason) {
        return incidents.update(incidentId, incident -> {
            Instant now = clock.instant();
            List<ContractEvent> events = new ArrayList<>(incident.reopen(by, reason, now));
            events.addAll(escalating.pageFirstLevel(incident, directory.service(incident.service().id()), now));
            return changed(events);
        });
    }

    Incident changeSeverity(String incidentId, Actor by, Severity to) {
        return incidents.update(incidentId, incident -> changed(incident.changeSeverity(to, by, clock.instant())));
    }

    Incident changePriority(String incidentId, Actor by, String to) {
        return incidents.update(incidentId, incident -> changed(incident.changePriority(to, by, clock.instant())));
    }

    Incident addNote(String incidentId, Actor by, String text) {
        return incidents.update(incidentId, incident -> changed(incident.addNote(by, text, clock.instant())));
    }
}
