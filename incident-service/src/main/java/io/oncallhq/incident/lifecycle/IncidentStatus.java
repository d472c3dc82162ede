package io.oncallhq.incident.lifecycle;

public enum IncidentStatus {
    TRIGGERED, ACKNOWLEDGED, RESOLVED
}
