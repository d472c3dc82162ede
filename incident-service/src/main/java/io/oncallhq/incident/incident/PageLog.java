package io.oncallhq.incident.incident;

import java.time.Instant;

/**
 * A page sent for this incident and what became of it.
 *
 * @param outcome {@code requested}, {@code delivered} or {@code failed}
 */
public record PageLog(String pageId, String responderId, String responderName, int level, String outcome,
                      Instant requestedAt) {

    PageLog withOutcome(String newOutcome) {
        return new PageLog(pageId, responderId, responderName, level, newOutcome, requestedAt);
    }
}
