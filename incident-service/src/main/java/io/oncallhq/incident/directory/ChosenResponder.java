package io.oncallhq.incident.directory;

import io.oncallhq.contracts.Actor;
import io.oncallhq.contracts.page.PagedBecause;
import io.oncallhq.incident.schedule.OnCall;
import io.oncallhq.incident.schedule.Schedule;

import java.time.Instant;

/**
 * A responder a level pages and what put them on it.
 *
 * @param schedule    the schedule that has them on call; null when the level names them directly
 * @param onCall      the schedule's override or layer's shift that has them on call; null when named directly
 * @param standsInFor for an override, the responder the layers would have put on call, when known; null otherwise
 */
public record ChosenResponder(Responder responder, Schedule schedule, OnCall onCall, Responder standsInFor) {

    static ChosenResponder direct(Responder responder) {
        return new ChosenResponder(responder, null, null, null);
    }

    /**
     * How the responder was chosen, in words as well: {@code on call in Payments primary, layer Weekly, Dec 7 09:00 –
     * Dec 14 09:00 UTC}, {@code override in Payments primary from 02:00 to 06:00 UTC, standing in for Alex Rivera, added by Dana Kim},
     * {@code named on level 2}; with {@code ; escalated by Sam Okafor} when the level was reached by escalation.
     *
     * @param level       the level paged
     * @param escalatedBy who escalated to the level; null when it is paged first
     */
    public PagedBecause because(int level, Actor escalatedBy, Instant now) {
        String escalated = escalatedBy == null ? "" : escalatedBy.kind().equals(Actor.SYSTEM) ? "; escalated automatically"
                : "; escalated by " + nameOf(escalatedBy);
        String by = escalatedBy == null ? null : nameOf(escalatedBy);
        if (schedule == null) {
            return new PagedBecause(PagedBecause.DIRECT, "named on level " + level + escalated, null, null, null, null,
                    null, null, by, null);
        }
        String name = schedule.name() == null ? schedule.id() : schedule.name();
        String start = Unroutable.at(onCall.start(), now);
        String end = Unroutable.at(onCall.end(), now);
        if (onCall.byOverride()) {
            String standing = standsInFor == null ? "" : ", standing in for " + standsInFor.name();
            String added = onCall.overrideBy() == null ? "" : ", added by " + onCall.overrideBy();
            return new PagedBecause(PagedBecause.OVERRIDE, "override in " + name + " from " + start + " to " + end + " UTC"
                    + standing + added + escalated, schedule.id(), schedule.name(), null, onCall.start(), onCall.end(),
                    onCall.standsInFor(), by, onCall.overrideBy());
        }
        return new PagedBecause(PagedBecause.SCHEDULE, "on call in " + name + ", layer " + onCall.layer() + ", "
                + start + " – " + end + " UTC" + escalated, schedule.id(), schedule.name(), onCall.layer(),
                onCall.start(), onCall.end(), null, by, null);
    }

    /** A responder someone handed the incident to. */
    public static PagedBecause reassigned(Actor by) {
        return new PagedBecause(PagedBecause.REASSIGN, "reassigned by " + nameOf(by), null, null, null, null, null,
                null, nameOf(by), null);
    }

    private static String nameOf(Actor actor) {
        return actor.name() != null ? actor.name() : actor.id();
    }
}
