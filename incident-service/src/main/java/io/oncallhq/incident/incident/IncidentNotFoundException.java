package io.oncallhq.incident.incident;

public class IncidentNotFoundException extends RuntimeException {

    public IncidentNotFoundException(String incidentId) {
        super("No incident " + incidentId);
    }
}
