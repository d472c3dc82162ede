package io.oncallhq.console.postmortems;

import java.time.Instant;

/** A comment on a section, from postmortem-service's {@code GET /postmortems/{id}/comments}. */
public record Comment(String id, String section, String by, String text, Instant at) {
}
