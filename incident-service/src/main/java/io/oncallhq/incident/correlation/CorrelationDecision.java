package io.oncallhq.incident.correlation;

/** What to do with a triggered alert. */
sealed interface CorrelationDecision {

    /**
     * The alert belongs to this open incident.
     *
     * @param why why a different alert joins it (a grouping window); null when it holds the same dedup key
     */
    record AttachTo(String incidentId, String why) implements CorrelationDecision {
    }

    /** The alert fired again soon after its incident resolved: that incident reopens, marked flapping. */
    record ReopenFlapping(String incidentId) implements CorrelationDecision {
    }

    /** No open incident covers the alert: it opens a new one. */
    record OpenNew() implements CorrelationDecision {
    }
}
