package io.oncallhq.postmortem;

import io.oncallhq.contracts.Severity;
import io.oncallhq.postmortem.history.IncidentAlert;
import io.oncallhq.postmortem.history.IncidentHistory;
import io.oncallhq.postmortem.history.PagedResponder;
import io.oncallhq.postmortem.history.PagingSuppression;
import io.oncallhq.postmortem.history.Participant;
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
 * @param mitigatedAt       when the impact ended, as a responder marked it on the post-mortem (no incident event
 *                          says so); null until someone does
 * @param timeToMitigate    from {@code startedAt} to {@code mitigatedAt}
 * @param suppression       why nobody was paged, when a silence matched
 * @param responders        every page: who, at which escalation level, with its latest outcome
 * @param participants      everyone who acted on the incident or was paged for it
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
        Instant mitigatedAt,
        String priority,
        TimeSpan timeToAcknowledge,
        TimeSpan timeToMitigate,
        TimeSpan timeToResolve,
        PagingSuppression suppression,
        List<PagedResponder> responders,
        List<Participant> participants,
        List<IncidentAlert> alerts,
        List<TimelineEntry> timeline) {

    public IncidentFacts {
        responders = List.copyOf(responders);
        participants = participants == null ? List.of() : List.copyOf(participants);
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
                null,
                history.priority(),
                TimeSpan.between(startedAt, history.acknowledgedAt()).orElse(null),
                null,
                TimeSpan.between(startedAt, history.resolvedAt()).orElse(null),
                history.suppression(),
                history.responders(),
                history.participants(),
                history.alerts(),
                history.entries());
    }

    /** These facts with the moment of mitigation a responder marked, or without one for null. */
    IncidentFacts withMitigation(Mitigation mitigation) {
        Instant at = mitigation == null ? null : mitigation.at();
        return new IncidentFacts(incidentNumber, title, serviceId, serviceName, teamId, severity, startedAt,
                acknowledgedAt, acknowledgedBy, resolvedAt, resolvedBy, at, priority, timeToAcknowledge,
                TimeSpan.between(startedAt, at).orElse(null), timeToResolve, suppression, responders, participants,
                alerts, timeline);
    }

    private static String titleOf(IncidentHistory history) {
        String incident = history.number() == null ? "incident " + history.incidentId() : "#" + history.number();
        return history.title() == null ? "Post-mortem: " + incident : "Post-mortem: " + incident + " " + history.title();
    }
}
