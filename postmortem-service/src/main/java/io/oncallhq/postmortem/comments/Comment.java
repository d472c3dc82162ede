package io.oncallhq.postmortem.comments;

import java.time.Instant;

/** A remark on one section, kept apart from the post-mortem so that commenting never makes an edit stale. */
public record Comment(String id, String postmortemId, String section, String by, String text, Instant at) {
}
