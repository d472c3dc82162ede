package io.oncallhq.incident.incident;

import io.oncallhq.contracts.Actor;
import org.springframework.stereotype.Service;

import java.time.Clock;

import static io.oncallhq.incident.incident.Incidents.changed;

/** What a responder does through the REST API. An illegal transition is the caller's error (409). */
@Service
class RespondingToIncidents {

    private final Incidents incidents;
    private final Clock clock;

    RespondingToIncidents(Incidents incidents, Clock clock) {
        this.incidents = incidents;
        this.clock = clock;
    }

    Incident acknowledge(String incidentId, Actor by) {
        return incidents.update(incidentId, incident -> changed(incident.acknowledge(by, clock.instant())));
    }

    Incident resolve(String incidentId, Actor by) {
        return incidents.update(incidentId, incident -> changed(incident.resolve(by, null, clock.instant())));
    }

    Incident addNote(String incidentId, Actor by, String text) {
        return incidents.update(incidentId, incident -> changed(incident.addNote(by, text, clock.instant())));
    }
}
