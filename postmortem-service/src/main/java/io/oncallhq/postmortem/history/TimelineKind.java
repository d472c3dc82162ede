package io.oncallhq.postmortem.history;

/**
 * What a timeline entry records. The order breaks ties between entries of the same instant: a change to the service
 * first (what happened at that instant may stem from it), then the order the incident lifecycle produces them in.
 */
public enum TimelineKind {
    CHANGE,
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
