package io.oncallhq.postmortem.history;

/** A link an alert carried back to its monitoring system: a graph, a runbook, the rule. */
public record Link(String href, String text) {
}
