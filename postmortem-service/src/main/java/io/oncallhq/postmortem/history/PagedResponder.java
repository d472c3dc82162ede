package io.oncallhq.postmortem.history;

import java.time.Instant;

/**
 * A responder the incident paged, with the latest known outcome of that page.
 *
 * @param outcome   {@code requested}, {@code delivered} or {@code failed}
 * @param outcomeAt when that outcome was recorded
 */
public record PagedResponder(
        String pageId,
        String responderId,
        String name,
        int level,
        String outcome,
        String detail,
        Instant outcomeAt) {
}
