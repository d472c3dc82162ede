package io.oncallhq.incident.lifecycle;

import java.time.Instant;

/**
 * The escalation an incident is waiting for: page {@code level} of {@code round} at {@code dueAt} unless someone
 * acknowledges first. Stored with the incident, so the timer that fires it can check it is still wanted.
 *
 * @param cycle how often the incident had been reopened when the step was scheduled (0 before any reopen), so a
 *              reopened incident's steps get new timers instead of the done ones of its first life
 */
public record EscalationStep(int level, int round, Instant dueAt, int cycle) {

    public EscalationStep(int level, int round, Instant dueAt) {
        this(level, round, dueAt, 0);
    }

    EscalationStep inCycle(int incidentCycle) {
        return new EscalationStep(level, round, dueAt, incidentCycle);
    }

    /** The id of the timer that fires this step: the same step of the same incident always gets the same timer. */
    public String timerId(String incidentId) {
        return incidentId + ":" + cycle + ":" + round + ":" + level;
    }
}
