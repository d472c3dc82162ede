package io.oncallhq.incident.correlation;

/** What to do with a triggered alert. */
sealed interface CorrelationDecision {

    /** The alert belongs to this open incident. */
    record AttachTo(String incidentId) implements CorrelationDecision {
    }

    /** No open incident covers the alert: it opens a new one. */
    record OpenNew() implements CorrelationDecision {
    }
}
