package io.oncallhq.postmortem;

import io.oncallhq.contracts.Severity;
import io.oncallhq.postmortem.history.IncidentAlert;
import io.oncallhq.postmortem.history.IncidentHistory;
import io.oncallhq.postmortem.history.PagedResponder;
import io.oncallhq.postmortem.history.TimelineEntry;

import java.time.Instant;
import java.util.List;

/**
 * The generated part of a post-mortem: everything taken from the incident's history. It is redrawn whenever the
 * history changes (a late note, a reopen and second resolution); people never edit it.
 *
 * @param startedAt         when the problem began: the first alert's start, or the trigger
 * @param timeToAcknowledge from {@code startedAt} to the first acknowledgement, null when never acknowledged
 * @param timeToResolve     from {@code startedAt} to the latest resolution
 */
public record IncidentFacts(
        Long incidentNumber,
        String title,
        String serviceId,
        String serviceName,
        String teamId,
        Severity severity,
        Instant startedAt,
        Instant acknowledgedAt,
        String acknowledgedBy,
        Instant resolvedAt,
        String resolvedBy,
        TimeSpan timeToAcknowledge,
        TimeSpan timeToResolve,
        List<PagedResponder> responders,
        List<IncidentAlert> alerts,
        List<TimelineEntry> timeline) {

    public IncidentFacts {
        responders = List.copyOf(responders);
        alerts = List.copyOf(alerts);
        timeline = List.copyOf(timeline);
    }

    public static IncidentFacts of(IncidentHistory history) {
        Instant startedAt = history.startedAt().orElse(null);
        return new IncidentFacts(
                history.number(),
                titleOf(history),
                history.serviceId(),
                history.serviceName(),
                history.teamId(),
                history.severity(),
                startedAt,
                history.acknowledgedAt(),
                history.acknowledgedBy(),
                history.resolvedAt(),
                history.resolvedBy(),
                TimeSpan.between(startedAt, history.acknowledgedAt()).orElse(null),
                TimeSpan.between(startedAt, history.resolvedAt()).orElse(null),
                history.responders(),
                history.alerts(),
                history.entries());
    }

    private static String titleOf(IncidentHistory history) {
        String incident = history.number() == null ? "incident " + history.incidentId() : "#" + history.number();
        return history.title() == null ? "Post-mortem: " + incident : "Post-mortem: " + incident + " " + history.title();
    }
}
