package io.oncallhq.incident.incident;

public enum IncidentStatus {
    TRIGGERED, ACKNOWLEDGED, RESOLVED
}
