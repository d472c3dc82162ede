package io.oncallhq.postmortem.history;

/** What a timeline entry records. The order breaks ties between entries of the same instant. */
public enum TimelineKind {
    TRIGGERED,
    ALERT_ATTACHED,
    SEVERITY_CHANGED,
    PAGE,
    ESCALATED,
    ACKNOWLEDGED,
    NOTE,
    RESOLVED,
    REOPENED
}
