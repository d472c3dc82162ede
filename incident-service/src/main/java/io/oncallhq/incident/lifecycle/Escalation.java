package io.oncallhq.incident.lifecycle;

import io.oncallhq.contracts.Actor;
import io.oncallhq.contracts.incident.IncidentEscalated;
import io.oncallhq.contracts.incident.IncidentEvent;
import io.oncallhq.contracts.incident.PagingSuppressed;

import java.time.Instant;
import java.util.List;

import static io.oncallhq.incident.lifecycle.Timeline.nameOf;

/**
 * Where an incident stands on its escalation policy: the level and round it is at, the step a timer takes next, and
 * the cycle (how often it was reopened) that keeps the timers of an earlier life from firing again. Whether the
 * incident may escalate, and whether a due step pages anyone, is for the lifecycle in {@link Incident} to decide.
 */
final class Escalation {

    private final String incidentId;
    private final Timeline timeline;
    private int level;
    private int round;
    private EscalationStep next;
    private int cycle;

    Escalation(String incidentId, int level, int round, EscalationStep next, int cycle, Timeline timeline) {
        this.incidentId = incidentId;
        this.level = level;
        // documents stored before repeat rounds existed hold round 0: they are in the first round
        this.round = Math.max(1, round);
        this.next = next;
        this.cycle = cycle;
        this.timeline = timeline;
    }

    List<IncidentEvent> moveTo(int toLevel, int toRound, Actor by, String reason, Instant now) {
        level = toLevel;
        round = toRound;
        String why = "requested".equals(reason) ? " by " + nameOf(by) : ": " + reason;
        timeline.add(now, "escalated", by, "Escalated to level " + toLevel + roundText(toRound) + why);
        return List.of(new IncidentEscalated(incidentId, toLevel, by, reason, now));
    }

    void schedule(EscalationStep step) {
        next = step == null ? null : step.inCycle(cycle);
    }

    /**
     * Takes the pending step if the timer is for it, so that it is taken only once.
     *
     * @return false for a timer that fired before, was overtaken, or belongs to an earlier cycle
     */
    boolean takePending(int stepLevel, int stepRound, int timerCycle) {
        if (next == null || next.level() != stepLevel || next.round() != stepRound || next.cycle() != timerCycle) {
            return false;
        }
        next = null;
        return true;
    }

    void notPaged(int stepLevel, int stepRound, String because, Instant now) {
        timeline.add(now, "escalation", null, "Level " + stepLevel + roundText(stepRound) + " not paged: " + because);
    }

    void exhausted(Actor by, Instant now) {
        timeline.add(now, "escalated", by, "Escalation requested by " + nameOf(by) + ", but the policy has no level "
                + (level + 1));
    }

    List<IncidentEvent> suppressed(String silenceId, String reason, Instant now) {
        next = null;
        timeline.add(now, "suppressed", null, reason);
        return List.of(new PagingSuppressed(incidentId, silenceId, reason, now));
    }

    /** A reopened incident starts over at the first level in a new cycle, with nothing pending. */
    void restart() {
        level = 1;
        round = 1;
        next = null;
        cycle++;
    }

    int level() { return level; }
    int round() { return round; }
    EscalationStep next() { return next; }
    int cycle() { return cycle; }

    private static String roundText(int round) {
        return round > 1 ? " (round " + round + ")" : "";
    }
}
