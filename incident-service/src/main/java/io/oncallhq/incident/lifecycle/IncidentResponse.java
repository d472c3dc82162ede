package io.oncallhq.incident.lifecycle;

import io.oncallhq.contracts.Actor;
import io.oncallhq.contracts.Severity;
import io.oncallhq.contracts.page.PagedBecause;
import io.oncallhq.incident.change.ServiceChange;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** One incident with its alert counts, first and newest alerts, pages and timeline. */
record IncidentResponse(
        String id,
        long number,
        String serviceId,
        String serviceName,
        String teamId,
        String title,
        String details,
        Severity severity,
        String priority,
        IncidentStatus status,
        Instant triggeredAt,
        Instant acknowledgedAt,
        Instant resolvedAt,
        ActorResponse acknowledgedBy,
        ActorResponse resolvedBy,
        int escalationLevel,
        @Schema(description = "The incident's first alert and its newest few, in the order attached; every alert is "
                + "listed, a page at a time, by GET /incidents/{id}/alerts")
        List<AlertResponse> alerts,
        List<PageResponse> pages,
        List<TimelineResponse> timeline,
        int escalationRound,
        NextEscalationResponse nextEscalation,
        Assignee assignee,
        String notice,
        @Schema(description = "The latest changes to the incident's service, newest first: from "
                + "incident.recent-changes.lookback before it was triggered until it resolved (until now while open), "
                + "at most incident.recent-changes.on-incident. Only in GET /incidents/{id}; null in the answers of "
                + "actions.", nullable = true)
        List<ChangeResponse> recentChanges,
        @Schema(description = "The sender's group of alerts the incident stands for (an Alertmanager or Grafana "
                + "integration's groupKey, after its integration id): later alerts of the group join it and it "
                + "resolves itself when all of them have resolved. Null for an incident of one alert or opened by hand.",
                nullable = true)
        String group,
        @Schema(description = "How many of the incident's alerts fire and how many are over, and the highest "
                + "severity among them (null without alerts)")
        AlertCountsResponse alertCounts) {

    static IncidentResponse of(Incident incident) {
        return of(incident, null);
    }

    /** @param notice what the call did not change and why ("already acknowledged by Alex Rivera at 10:02 UTC") */
    static IncidentResponse of(Incident incident, String notice) {
        return of(incident, notice, null);
    }

    /** The incident as {@code GET /incidents/{id}} shows it, with the recent changes to its service. */
    static IncidentResponse withChanges(Incident incident, List<ServiceChange> recentChanges) {
        return of(incident, null, recentChanges.stream().map(ChangeResponse::of).toList());
    }

    private static IncidentResponse of(Incident incident, String notice, List<ChangeResponse> recentChanges) {
        return new IncidentResponse(incident.id(), incident.number(), incident.service().id(),
                incident.service().name(), incident.service().teamId(), incident.title(), incident.details(),
                incident.severity(), incident.priority(), incident.status(), incident.triggeredAt(), incident.acknowledgedAt(), incident.resolvedAt(),
                ActorResponse.of(incident.acknowledgedBy()), ActorResponse.of(incident.resolvedBy()),
                incident.escalationLevel(),
                incident.alertSummary().firstAndNewest().stream().map(AlertResponse::of).toList(),
                incident.pages().stream().map(PageResponse::of).toList(),
                incident.timeline().stream().map(TimelineResponse::of).toList(),
                incident.escalationRound(), NextEscalationResponse.of(incident.nextEscalation()), incident.assignee(),
                notice, recentChanges, incident.group(), AlertCountsResponse.of(incident.alertSummary()));
    }

    /** @param source where the change was made, as its sender named it; null when not given */
    record ChangeResponse(String summary, String source, Instant at, List<LinkResponse> links) {

        static ChangeResponse of(ServiceChange change) {
            return new ChangeResponse(change.summary(), change.source(), change.occurredAt(),
                    change.links().stream().map(link -> new LinkResponse(link.href(), link.text())).toList());
        }
    }

    record LinkResponse(String href, String text) {
    }

    /** The level a timer pages at {@code dueAt} unless the incident is acknowledged first. */
    record NextEscalationResponse(int level, int round, Instant dueAt) {

        static NextEscalationResponse of(EscalationStep step) {
            return step == null ? null : new NextEscalationResponse(step.level(), step.round(), step.dueAt());
        }
    }

    record ActorResponse(String kind, String id, String name) {

        static ActorResponse of(Actor actor) {
            return actor == null ? null : new ActorResponse(actor.kind(), actor.id(), actor.name());
        }
    }

    record AlertCountsResponse(int firing, int resolved, int total, Severity highestSeverity) {

        static AlertCountsResponse of(AlertSummary summary) {
            return new AlertCountsResponse(summary.firing(), summary.resolved(), summary.total(),
                    summary.highestSeverity());
        }
    }

    /**
     * @param status {@code firing} or {@code resolved}
     * @param number its place among the incident's alerts in the order attached (1 opened it); the list's cursor
     * @param labels the sender's labels as {@code name=value}
     */
    record AlertResponse(String dedupKey, String summary, Severity severity, String status, Instant firstSeenAt,
                         Instant lastSeenAt, int count, Long number, String source, List<String> labels,
                         List<LinkResponse> links) {

        static AlertResponse of(IncidentAlert alert) {
            return new AlertResponse(alert.dedupKey(), alert.summary(), alert.severity(),
                    alert.status().name().toLowerCase(Locale.ROOT), alert.firstSeenAt(), alert.lastSeenAt(),
                    alert.count(), alert.number(), alert.source(), alert.labels() == null ? List.of() : alert.labels(),
                    alert.links() == null ? List.of()
                            : alert.links().stream().map(link -> new LinkResponse(link.href(), link.text())).toList());
        }
    }

    /** @param because how the responder was chosen; null for pages recorded before it was kept */
    record PageResponse(String pageId, String responderId, String responderName, int level, String outcome,
                        Instant requestedAt, BecauseResponse because) {

        static PageResponse of(PageLog page) {
            return new PageResponse(page.pageId(), page.responderId(), page.responderName(), page.level(),
                    page.outcome(), page.requestedAt(), page.because() == null ? null : BecauseResponse.of(page.because()));
        }
    }

    /** As {@code page.requested.v1}'s {@code because} (see {@link PagedBecause}). */
    record BecauseResponse(String kind, String summary, String scheduleId, String scheduleName, String layer,
                           Instant start, Instant end, String standsInFor, String by, String overrideBy) {

        static BecauseResponse of(PagedBecause because) {
            return new BecauseResponse(because.kind(), because.summary(), because.scheduleId(), because.scheduleName(),
                    because.layer(), because.start(), because.end(), because.standsInFor(), because.by(),
                    because.overrideBy());
        }
    }

    record TimelineResponse(Instant at, String kind, ActorResponse actor, String text) {

        static TimelineResponse of(TimelineEntry entry) {
            return new TimelineResponse(entry.at(), entry.kind(), ActorResponse.of(entry.actor()), entry.text());
        }
    }
}
