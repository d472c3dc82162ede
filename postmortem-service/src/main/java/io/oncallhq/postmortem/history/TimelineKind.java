package io.oncallhq.postmortem.history;

/** What a timeline entry records. The order breaks ties between entries of the same instant. */
public enum TimelineKind {
    TRIGGERED,
    ALERT_ATTACHED,
    PAGING_SUPPRESSED,
    SEVERITY_CHANGED,
    PRIORITY_CHANGED,
    REASSIGNED,
    PAGE,
    ESCALATED,
    ACKNOWLEDGED,
    NOTE,
    RESOLVED,
    REOPENED
}
