package io.oncallhq.incident.lifecycle;

/** The responder an incident was handed to by a reassignment. */
public record Assignee(String responderId, String name) {
}
