package io.oncallhq.postmortem.review;

import java.time.Instant;

/**
 * One step of the review workflow, kept as an audit trail.
 *
 * @param by who acted, as the request named them (not authenticated yet)
 */
public record Transition(PostmortemStatus from, PostmortemStatus to, String by, String comment, Instant at) {
}
