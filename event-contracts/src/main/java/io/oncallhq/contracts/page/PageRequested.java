package io.oncallhq.contracts.page;

import io.oncallhq.contracts.EventType;
import io.oncallhq.contracts.Severity;

import java.time.Instant;

/**
 * incident-service asks for one responder to be paged. {@code pageId} identifies this page: a redelivery
 * carries the same id and must not page twice.
 *
 * @param level       the escalation level (1 for the first responders)
 * @param incidentUrl where the incident can be seen
 */
@EventType("page.requested.v1")
public record PageRequested(
        String pageId,
        String incidentId,
        long incidentNumber,
        String serviceId,
        String serviceName,
        String title,
        Severity severity,
        int level,
        PageTarget target,
        String incidentUrl,
        Instant requestedAt) implements PageEvent {
}
