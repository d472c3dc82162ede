package io.oncallhq.incident.incident;

import io.oncallhq.contracts.Actor;
import io.oncallhq.incident.escalation.Escalating;
import org.springframework.stereotype.Service;

import java.time.Clock;

import static io.oncallhq.incident.incident.Incidents.changed;

/** What a responder does through the REST API. An illegal transition is the caller's error (409). */
@Service
class RespondingToIncidents {

    private final Incidents incidents;
    private final Escalating escalating;
    private final Clock clock;

    RespondingToIncidents(Incidents incidents, Escalating escalating, Clock clock) {
        this.incidents = incidents;
        this.escalating = escalating;
        this.clock = clock;
    }

    Incident acknowledge(String incidentId, Actor by) {
        return incidents.update(incidentId, incident -> changed(incident.acknowledge(by, clock.instant())));
    }

    Incident resolve(String incidentId, Actor by) {
        return incidents.update(incidentId, incident -> changed(incident.resolve(by, null, clock.instant())));
    }

    /** Pages the next level now; 409 when resolved. A policy with no further level leaves a timeline line. */
    Incident escalate(String incidentId, Actor by) {
        return incidents.update(incidentId, incident -> changed(escalating.escalateOnRequest(incident, by,
                clock.instant())));
    }

    Incident addNote(String incidentId, Actor by, String text) {
        return incidents.update(incidentId, incident -> changed(incident.addNote(by, text, clock.instant())));
    }
}
