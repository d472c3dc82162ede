package io.oncallhq.incident.incident;

import java.time.Instant;

/**
 * The escalation an incident is waiting for: page {@code level} of {@code round} at {@code dueAt} unless someone
 * acknowledges first. Stored with the incident, so the timer that fires it can check it is still wanted.
 */
public record EscalationStep(int level, int round, Instant dueAt) {

    /** The id of the timer that fires this step: the same step of the same incident always gets the same timer. */
    public String timerId(String incidentId) {
        return incidentId + ":" + round + ":" + level;
    }
}
