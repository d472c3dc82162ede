package io.oncallhq.contracts.page;

import io.oncallhq.contracts.EventType;
import io.oncallhq.contracts.Severity;

import java.time.Instant;
import java.util.List;

/**
 * incident-service asks for one responder to be paged. {@code pageId} identifies this page: a redelivery
 * carries the same id and must not page twice.
 *
 * @param level       the escalation level (1 for the first responders)
 * @param incidentUrl where the incident can be seen
 * @param teamChannel   the Slack channel of the service's team that sees every page of it too; null when none
 * @param recentChanges the latest changes to the service before the page, newest first; empty when none (and in
 *                      pages requested before they were sent along)
 * @param because       how the responder was chosen; null in pages requested before it was sent along
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
        String teamChannel,
        List<RecentChange> recentChanges,
        PagedBecause because) implements PageEvent {

    public PageRequested {
        recentChanges = recentChanges == null ? List.of() : List.copyOf(recentChanges);
    }

    public PageRequested(String pageId, String incidentId, long incidentNumber, String serviceId, String serviceName,
                         String title, Severity severity, int level, PageTarget target, String incidentUrl,
                         Instant requestedAt, String teamChannel, List<RecentChange> recentChanges) {
        this(pageId, incidentId, incidentNumber, serviceId, serviceName, title, severity, level, target, incidentUrl,
                requestedAt, teamChannel, recentChanges, null);
    }

    public PageRequested(String pageId, String incidentId, long incidentNumber, String serviceId, String serviceName,
                         String title, Severity severity, int level, PageTarget target, String incidentUrl,
                         Instant requestedAt, String teamChannel) {
        this(pageId, incidentId, incidentNumber, serviceId, serviceName, title, severity, level, target, incidentUrl,
                requestedAt, teamChannel, List.of());
    }

    public PageRequested(String pageId, String incidentId, long incidentNumber, String serviceId, String serviceName,
                         String title, Severity severity, int level, PageTarget target, String incidentUrl,
                         Instant requestedAt) {
        this(pageId, incidentId, incidentNumber, serviceId, serviceName, title, severity, level, target, incidentUrl,
                requestedAt, null);
    }
}
