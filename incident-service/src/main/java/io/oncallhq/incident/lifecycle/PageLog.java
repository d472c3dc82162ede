package io.oncallhq.incident.lifecycle;

import io.oncallhq.contracts.page.PagedBecause;

import java.time.Instant;

/**
 * A page sent for this incident and what became of it.
 *
 * @param outcome {@code requested}, {@code delivered} or {@code failed}
 * @param because how the responder was chosen; null for pages recorded before it was kept
 */
public record PageLog(String pageId, String responderId, String responderName, int level, String outcome,
                      Instant requestedAt, PagedBecause because) {

    PageLog withOutcome(String newOutcome) {
        return new PageLog(pageId, responderId, responderName, level, newOutcome, requestedAt, because);
    }
}
