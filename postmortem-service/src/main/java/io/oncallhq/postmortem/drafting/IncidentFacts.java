package io.oncallhq.postmortem.drafting;

import io.oncallhq.contracts.Severity;
import io.oncallhq.postmortem.change.ServiceChange;
import io.oncallhq.postmortem.history.IncidentAlert;
import io.oncallhq.postmortem.history.IncidentHistory;
import io.oncallhq.postmortem.history.PagedResponder;
import io.oncallhq.postmortem.history.PagingSuppression;
import io.oncallhq.postmortem.history.Participant;
import io.oncallhq.postmortem.history.TimelineEntry;
import io.oncallhq.postmortem.timeline.Mitigation;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * The generated part of a post-mortem: everything taken from the incident's history and the changes to its service
 * around it. It is redrawn whenever either changes (a late note, a reopen and second resolution, a change reported
 * late); people never edit it.
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
 * @param alerts            the first {@value #ALERTS_LISTED} alerts by start ({@code IncidentAlert.ORDER}); an
 *                          incident of a large group has thousands, which the document would not hold
 * @param alertCount        all of the incident's alerts
 * @param changes           the changes to the service in the incident's window ({@code ChangeWindow}), oldest
 *                          first
 * @param timeline          the incident's events (alerts attached in a burst on one line) and those changes, in
 *                          the order they happened
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
        Integer alertCount,
        List<ServiceChange> changes,
        List<TimelineEntry> timeline) {

    /** How many alerts a post-mortem lists. */
    public static final int ALERTS_LISTED = 50;

    public IncidentFacts {
        responders = List.copyOf(responders);
        participants = participants == null ? List.of() : List.copyOf(participants);
        // Facts stored before the count list every alert, in order: the count is theirs, the list their first ones.
        alertCount = Math.max(alertCount == null ? 0 : alertCount, alerts.size());
        alerts = alerts.stream().limit(ALERTS_LISTED).toList();
        // Facts stored before changes were listed have none until their next refresh.
        changes = changes == null ? List.of() : List.copyOf(changes);
        timeline = List.copyOf(timeline);
    }

    /**
     * @param firstAlerts the incident's first {@value #ALERTS_LISTED} alerts ({@code IncidentAlerts.first})
     * @param changes     the changes to the incident's service in its window, in any order
     */
    public static IncidentFacts of(IncidentHistory history, List<IncidentAlert> firstAlerts, List<ServiceChange> changes) {
        Instant startedAt = history.startedAt().orElse(null);
        List<ServiceChange> oldestFirst = changes.stream().sorted(ServiceChange.ORDER).toList();
        List<TimelineEntry> timeline = Stream.concat(history.timeline().stream(),
                oldestFirst.stream().map(ServiceChange::timelineEntry)).sorted(TimelineEntry.ORDER).toList();
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
                firstAlerts,
                history.alertCount(),
                oldestFirst,
                timeline);
    }

    /** These facts with the moment of mitigation a responder marked, or without one for null. */
    public IncidentFacts withMitigation(Mitigation mitigation) {
        Instant at = mitigation == null ? null : mitigation.at();
        return new IncidentFacts(incidentNumber, title, serviceId, serviceName, teamId, severity, startedAt,
                acknowledgedAt, acknowledgedBy, resolvedAt, resolvedBy, at, priority, timeToAcknowledge,
                TimeSpan.between(startedAt, at).orElse(null), timeToResolve, suppression, responders, participants,
                alerts, alertCount, changes, timeline);
    }

    private static String titleOf(IncidentHistory history) {
        String incident = history.number() == null ? "incident " + history.incidentId() : "#" + history.number();
        return history.title() == null ? "Post-mortem: " + incident : "Post-mortem: " + incident + " " + history.title();
    }
}
