package io.oncallhq.postmortem.document;

import io.oncallhq.outbox.OutboxDocument;
import io.oncallhq.outbox.OutboxFields;
import io.oncallhq.outbox.OutboxMessage;
import io.oncallhq.postmortem.drafting.IncidentFacts;
import io.oncallhq.postmortem.review.PostmortemStatus;
import io.oncallhq.postmortem.review.PublishedVersion;
import io.oncallhq.postmortem.review.ReviewRoles;
import io.oncallhq.postmortem.review.Transition;
import io.oncallhq.postmortem.timeline.Mitigation;
import io.oncallhq.postmortem.timeline.TimelineCuration;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * How a post-mortem is stored, written by the outbox writer ({@link Postmortems}): its state and the version that is
 * its ETag. It causes no events, so {@code outbox} stays empty; nor does an event id identify what changes it (the
 * drafting is idempotent by itself), so {@code appliedEventIds} stays empty too.
 */
@Document(Postmortems.COLLECTION)
record PostmortemDocument(
        @Id String id,
        String incidentId,
        PostmortemStatus status,
        IncidentFacts facts,
        List<Section> content,
        String editedTitle,
        TimelineCuration timeline,
        Mitigation mitigation,
        ReviewRoles roles,
        int revision,
        List<Transition> transitions,
        List<PublishedVersion> publishedVersions,
        Instant createdAt,
        Instant updatedAt,
        List<OutboxMessage> outbox,
        List<String> appliedEventIds,
        @Version Long version) implements OutboxDocument<Postmortem> {

    /** The version is the writer's ({@code fields}), whatever the post-mortem says. */
    static PostmortemDocument of(Postmortem postmortem, OutboxFields fields) {
        return new PostmortemDocument(postmortem.id(), postmortem.incidentId(), postmortem.status(),
                postmortem.facts(), postmortem.content(), postmortem.editedTitle(), postmortem.timeline(),
                postmortem.mitigation(), postmortem.roles(), postmortem.revision(), postmortem.transitions(),
                postmortem.publishedVersions(), postmortem.createdAt(), postmortem.updatedAt(), fields.outbox(),
                fields.appliedEventIds(), fields.version());
    }

    @Override
    public Postmortem toAggregate() {
        return new Postmortem(id, incidentId, status, facts, content, editedTitle, timeline, mitigation, roles,
                revision, transitions, publishedVersions, createdAt, updatedAt, version == null ? 0 : version);
    }
}
