package io.oncallhq.incident.lifecycle;

import io.oncallhq.contracts.Actor;

import java.time.Instant;

/**
 * One line of an incident's timeline.
 *
 * @param kind what happened: {@code triggered}, {@code alerts-attached},
 *             {@code alerts-fired-again}, {@code alerts-resolved}, {@code alert} (in lines written before alerts were
 *             folded), {@code acknowledged}, {@code resolved},
 *             {@code reopened}, {@code escalated}, {@code note}, {@code page}, {@code unroutable} (a level paged
 *             nobody), {@code ignored}
 * @param actor who did it; null when the line records something no one did (an alert firing)
 * @param folded how many occurrences the line stands for when it folds several ("12 more alerts of the group
 *               between 10:02 and 10:07 UTC"), {@code at} being the first; null for a line of its own
 */
public record TimelineEntry(Instant at, String kind, Actor actor, String text, Integer folded) {

    public TimelineEntry(Instant at, String kind, Actor actor, String text) {
        this(at, kind, actor, text, null);
    }
}
