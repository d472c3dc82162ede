package io.oncallhq.postmortem.timeline;

import java.time.Instant;

/**
 * When the impact ended, as a responder marked it. No incident event says when a problem stopped hurting users
 * (resolving often comes later, after a clean-up), so mitigation is never guessed from notes: a person marks it,
 * either as a timeline entry (generated or added; {@code at} is then that entry's time) or as a time of its own.
 *
 * @param eventId  the timeline entry marked as the mitigation, or null when a time was given directly
 * @param by       who marked it
 * @param markedAt when they did
 */
public record Mitigation(Instant at, String eventId, String by, Instant markedAt) {
}
