package io.oncallhq.contracts.alert;

/** A link back to where an alert or a change came from: a graph, a runbook, the alert rule, the build. */
public record AlertLink(String href, String text) {
}
