package io.oncallhq.incident.incident;

import io.oncallhq.contracts.Actor;

import java.time.Instant;

/**
 * One line of an incident's timeline.
 *
 * @param kind what happened: {@code triggered}, {@code alert}, {@code acknowledged}, {@code resolved},
 *             {@code reopened}, {@code escalated}, {@code note}, {@code page}, {@code ignored}
 * @param actor who did it; null when the line records something no one did (an alert firing)
 */
public record TimelineEntry(Instant at, String kind, Actor actor, String text) {
}
