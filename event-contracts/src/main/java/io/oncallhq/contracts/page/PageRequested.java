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
 * @param teamChannel the Slack channel of the service's team that sees every page of it too; null when none
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
        Instant requestedAt,
        String teamChannel) implements PageEvent {

    public PageRequested(String pageId, String incidentId, long incidentNumber, String serviceId, String serviceName,
                         String title, Severity severity, int level, PageTarget target, String incidentUrl,
                         Instant requestedAt) {
        this(pageId, incidentId, incidentNumber, serviceId, serviceName, title, severity, level, target, incidentUrl,
                requestedAt, null);
    }
}
