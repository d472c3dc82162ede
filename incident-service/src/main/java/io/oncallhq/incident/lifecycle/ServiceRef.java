package io.oncallhq.incident.lifecycle;

/** The service an incident belongs to, as it was named when the incident opened. */
public record ServiceRef(String id, String name, String teamId) {
}
