package io.oncallhq.incident.lifecycle;

public class IncidentNotFoundException extends RuntimeException {

    public IncidentNotFoundException(String incidentId) {
        super("No incident " + incidentId);
    }
}
