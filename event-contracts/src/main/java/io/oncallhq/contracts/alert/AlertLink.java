package io.oncallhq.contracts.alert;

/** A link back to the monitoring system: a graph, a runbook, the alert rule. */
public record AlertLink(String href, String text) {
}
