package io.oncallhq.postmortem.document;

import io.oncallhq.contracts.Severity;
import io.oncallhq.postmortem.actionitems.ActionItem;
import io.oncallhq.postmortem.actionitems.ActionItemResponse;
import io.oncallhq.postmortem.change.ServiceChange;
import io.oncallhq.postmortem.drafting.IncidentFacts;
import io.oncallhq.postmortem.drafting.TimeSpan;
import io.oncallhq.postmortem.history.IncidentAlert;
import io.oncallhq.postmortem.history.Link;
import io.oncallhq.postmortem.history.PagedResponder;
import io.oncallhq.postmortem.review.PublishedVersion;
import io.oncallhq.postmortem.template.Template;
import io.oncallhq.postmortem.timeline.Mitigation;
import io.oncallhq.postmortem.timeline.TimelineCuration;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * A post-mortem as the REST API shows it: the generated facts, the sections (also {@code summary},
 * {@code impact} and {@code rootCause} on their own, as the first drafts showed them), the action items and
 * the review state. {@code changes} are the changes to the service from the lookback before the incident began
 * until it was resolved, oldest first; each is on the timeline too. {@code alerts} are the first
 * {@value IncidentFacts#ALERTS_LISTED} by start and {@code alertCount} all of them, so the answer stays small
 * for an incident of thousands of alerts.
 */
public record PostmortemResponse(
        String id,
        String incidentId,
        Long incidentNumber,
        String incidentUrl,
        String title,
        String serviceId,
        String serviceName,
        String teamId,
        Severity severity,
        String status,
        Instant startedAt,
        Instant acknowledgedAt,
        String acknowledgedBy,
        Instant resolvedAt,
        String resolvedBy,
        Instant mitigatedAt,
        MitigationResponse mitigation,
        String priority,
        TimeSpanResponse timeToAcknowledge,
        TimeSpanResponse timeToMitigate,
        TimeSpanResponse timeToResolve,
        String pagingSuppressed,
        List<ResponderResponse> responders,
        List<ParticipantResponse> participants,
        @Schema(description = "The incident's first " + IncidentFacts.ALERTS_LISTED
                + " alerts by start (earliest first, those without a start last); alertCount says how many there are")
        List<AlertResponse> alerts,
        @Schema(description = "How many alerts the incident has, one per dedup key, listed in alerts or not")
        int alertCount,
        List<ChangeResponse> changes,
        List<TimelineEntryResponse> timeline,
        String summary,
        String impact,
        String rootCause,
        List<SectionResponse> sections,
        List<ActionItemResponse> actionItems,
        String author,
        List<String> reviewers,
        int revision,
        List<Integer> publishedVersions,
        List<TransitionResponse> transitions,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    record TimeSpanResponse(String iso, long seconds) {
    }

    record MitigationResponse(Instant at, String eventId, String by, Instant markedAt) {
    }

    record ParticipantResponse(String id, String name) {
    }

    record ResponderResponse(String responderId, String name, int level, String outcome, String detail) {
    }

    record AlertResponse(String dedupKey, String summary, Severity severity, String source, List<LinkResponse> links,
                         Instant startedAt) {
    }

    record LinkResponse(String href, String text) {
    }

    /** @param id the change's event id, also its timeline entry's {@code eventId} */
    record ChangeResponse(String id, Instant at, String summary, String source, List<LinkResponse> links) {
    }

    /**
     * {@code kind} {@code added} marks an entry people added, {@code change} a change to the service; the others
     * were projected from the incident's events, {@code alert-attached} one per burst of attached alerts (with the
     * {@code eventId} of its earliest).
     */
    record TimelineEntryResponse(String eventId, Instant at, String kind, String actor, String text, boolean hidden,
                                 boolean highlighted, String annotation) {
    }

    record SectionResponse(String key, String heading, String guidance, String text, boolean edited, String editedBy,
                           Instant editedAt) {
    }

    record TransitionResponse(String from, String to, String by, String comment, Instant at) {
    }

    public static PostmortemResponse of(Postmortem postmortem, List<ActionItem> actionItems, String incidentUrl) {
        IncidentFacts facts = postmortem.facts();
        return new PostmortemResponse(postmortem.id(), postmortem.incidentId(), facts.incidentNumber(), incidentUrl,
                postmortem.title(), facts.serviceId(), facts.serviceName(), facts.teamId(), facts.severity(),
                postmortem.status().wire(), facts.startedAt(), facts.acknowledgedAt(),
                facts.acknowledgedBy(), facts.resolvedAt(), facts.resolvedBy(), facts.mitigatedAt(),
                mitigation(postmortem.mitigation()), facts.priority(), timeSpan(facts.timeToAcknowledge()),
                timeSpan(facts.timeToMitigate()), timeSpan(facts.timeToResolve()),
                facts.suppression() == null ? null : facts.suppression().sentence(),
                facts.responders().stream().map(PostmortemResponse::responder).toList(),
                facts.participants().stream().map(p -> new ParticipantResponse(p.id(), p.name())).toList(),
                facts.alerts().stream().map(PostmortemResponse::alert).toList(), facts.alertCount(),
                facts.changes().stream().map(PostmortemResponse::change).toList(),
                postmortem.curatedTimeline().stream().map(PostmortemResponse::entry).toList(),
                text(postmortem, Template.SUMMARY), text(postmortem, Template.IMPACT),
                text(postmortem, Template.ROOT_CAUSE),
                postmortem.content().stream().map(PostmortemResponse::section).toList(),
                actionItems.stream().map(ActionItemResponse::of).toList(),
                postmortem.roles().author(), postmortem.roles().reviewers(),
                postmortem.revision(),
                postmortem.publishedVersions().stream().map(PublishedVersion::number).toList(),
                postmortem.transitions().stream().map(step -> new TransitionResponse(step.from().wire(),
                        step.to().wire(), step.by(), step.comment(), step.at())).toList(),
                postmortem.createdAt(), postmortem.updatedAt(), postmortem.version());
    }

    private static String text(Postmortem postmortem, String key) {
        return postmortem.section(key).map(Section::text).orElse("");
    }

    static SectionResponse section(Section section) {
        return new SectionResponse(section.key(), section.heading(), section.guidance(), section.text(),
                section.edited(), section.editedBy(), section.editedAt());
    }

    private static MitigationResponse mitigation(Mitigation mitigation) {
        return mitigation == null ? null
                : new MitigationResponse(mitigation.at(), mitigation.eventId(), mitigation.by(), mitigation.markedAt());
    }

    private static TimeSpanResponse timeSpan(TimeSpan span) {
        return span == null ? null : new TimeSpanResponse(span.iso(), span.seconds());
    }

    private static ResponderResponse responder(PagedResponder responder) {
        return new ResponderResponse(responder.responderId(), responder.name(), responder.level(),
                responder.outcome(), responder.detail());
    }

    private static AlertResponse alert(IncidentAlert alert) {
        return new AlertResponse(alert.dedupKey(), alert.summary(), alert.severity(), alert.source(),
                alert.links().stream().map(PostmortemResponse::link).toList(), alert.startedAt());
    }

    private static ChangeResponse change(ServiceChange change) {
        return new ChangeResponse(change.id(), change.occurredAt(), change.summary(), change.source(),
                change.links().stream().map(PostmortemResponse::link).toList());
    }

    private static LinkResponse link(Link link) {
        return new LinkResponse(link.href(), link.text());
    }

    private static TimelineEntryResponse entry(TimelineCuration.CuratedEntry entry) {
        return new TimelineEntryResponse(entry.eventId(), entry.at(), entry.kind(), entry.actor(), entry.text(),
                entry.hidden(), entry.highlighted(), entry.annotation());
    }
}
