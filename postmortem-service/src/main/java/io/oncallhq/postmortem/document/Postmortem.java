package io.oncallhq.postmortem.document;

import io.oncallhq.postmortem.actionitems.ActionItem;
import io.oncallhq.postmortem.drafting.IncidentFacts;
import io.oncallhq.postmortem.review.IllegalTransitionException;
import io.oncallhq.postmortem.review.PostmortemStatus;
import io.oncallhq.postmortem.review.PublishedVersion;
import io.oncallhq.postmortem.review.ReviewRoles;
import io.oncallhq.postmortem.review.Transition;
import io.oncallhq.postmortem.template.SectionTemplate;
import io.oncallhq.postmortem.timeline.InvalidMitigationException;
import io.oncallhq.postmortem.timeline.Mitigation;
import io.oncallhq.postmortem.timeline.TimelineCuration;
import io.oncallhq.postmortem.timeline.UnknownTimelineEntryException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The post-mortem of one incident: generated {@link IncidentFacts}, the {@link Section}s people write, and its
 * review state. Published revisions are kept frozen in {@code publishedVersions}; editing a published
 * post-mortem starts the next revision as a draft.
 *
 * @param sections     in template order; the field is not called {@code sections} because the first drafts
 *                     stored an object of that name, which is now ignored
 * @param editedTitle  the title people gave it, or null while the generated one applies
 * @param timeline     what people hid, highlighted, annotated or added on the generated timeline
 * @param mitigation   when the impact ended, as a responder marked it; null until then
 * @param roles        the author and the assigned reviewers
 * @param revision     the number of the revision being worked on (1 for the first)
 * @param version      the optimistic-locking version of the stored document (the ETag); 0 before the first save
 */
public record Postmortem(
        String id,
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
        long version) {

    public Postmortem {
        content = content == null ? List.of() : List.copyOf(content);
        timeline = timeline == null ? TimelineCuration.none() : timeline;
        roles = roles == null ? ReviewRoles.none() : roles;
        revision = Math.max(revision, 1);
        transitions = transitions == null ? List.of() : List.copyOf(transitions);
        publishedVersions = publishedVersions == null ? List.of() : List.copyOf(publishedVersions);
    }

    /** A fresh draft: the facts of the incident and the template's sections, generated where the facts speak. */
    public static Postmortem draft(String id, String incidentId, IncidentFacts facts, List<SectionTemplate> template,
                                   Instant now) {
        List<Section> sections = template.stream()
                .map(section -> Section.generated(section.key(), section.heading(), section.guidance(), facts))
                .toList();
        return new Postmortem(id, incidentId, PostmortemStatus.DRAFT, facts, sections, null, TimelineCuration.none(), null, ReviewRoles.none(), 1, List.of(),
                List.of(), now, now, 0);
    }

    /** Drafts stored before templates existed have no sections yet: they get the template's, generated. */
    public Postmortem withSectionsFrom(List<SectionTemplate> template) {
        if (!content.isEmpty()) {
            return this;
        }
        List<Section> sections = template.stream()
                .map(section -> Section.generated(section.key(), section.heading(), section.guidance(), facts))
                .toList();
        return new Postmortem(id, incidentId, status, facts, sections, editedTitle, timeline, mitigation, roles, revision,
                transitions, publishedVersions, createdAt, updatedAt, version);
    }

    public String title() {
        return editedTitle != null ? editedTitle : facts.title();
    }

    public Optional<Section> section(String key) {
        return content.stream().filter(section -> section.key().equals(key)).findFirst();
    }

    /**
     * The post-mortem with newer facts: unedited sections are regenerated, edited ones kept as they are. A
     * published post-mortem whose incident changed again starts its next revision as a draft. Empty when the
     * facts have not changed.
     */
    public Optional<Postmortem> refreshedWith(IncidentFacts generated, Instant now) {
        IncidentFacts newFacts = generated.withMitigation(mitigation);
        if (facts.equals(newFacts)) {
            return Optional.empty();
        }
        Postmortem editable = status == PostmortemStatus.PUBLISHED
                ? nextRevision(null, "the incident changed after publication", now) : this;
        return Optional.of(editable.withFacts(newFacts, now));
    }

    /**
     * The post-mortem with facts that list changes reported after it was drafted (a slow sender, consumer lag): as
     * {@link #refreshedWith}, except that a published post-mortem stays as it was published (a slow sender does not
     * reopen a reviewed document); it lists them from the next refresh its incident causes.
     */
    public Optional<Postmortem> withLateChanges(IncidentFacts generated, Instant now) {
        return status == PostmortemStatus.PUBLISHED ? Optional.empty() : refreshedWith(generated, now);
    }

    /**
     * Marks when the impact ended: at the time of a timeline entry (generated or added) or at a time given
     * directly, never before the problem began. Counts as an edit.
     */
    public Postmortem withMitigation(String eventId, Instant at, String by, Instant now) {
        if ((eventId == null) == (at == null)) {
            throw new InvalidMitigationException("eventId", "Give either the timeline entry (eventId) or the time (at) of the mitigation");
        }
        Instant mitigatedAt = eventId == null ? at : curatedTimeline().stream()
                .filter(entry -> entry.eventId().equals(eventId)).findFirst()
                .orElseThrow(() -> new UnknownTimelineEntryException(id, eventId)).at();
        if (facts.startedAt() != null && mitigatedAt.isBefore(facts.startedAt())) {
            throw new InvalidMitigationException(eventId == null ? "at" : "eventId",
                    "The mitigation cannot be before the problem began (" + facts.startedAt() + ")");
        }
        Postmortem editable = editable(by, now);
        Mitigation marked = new Mitigation(mitigatedAt, eventId, by, now);
        return new Postmortem(id, incidentId, editable.status, facts, content, editedTitle, timeline, marked,
                editable.roles, editable.revision, editable.transitions, publishedVersions, createdAt, now, version)
                .withFacts(facts.withMitigation(marked), now);
    }

    /** New facts; sections nobody edited are regenerated from them. */
    private Postmortem withFacts(IncidentFacts newFacts, Instant now) {
        List<Section> regenerated = content.stream().map(section -> section.regeneratedFrom(newFacts)).toList();
        return new Postmortem(id, incidentId, status, newFacts, regenerated, editedTitle, timeline, mitigation, roles,
                revision, transitions, publishedVersions, createdAt, now, version);
    }

    /** Sets a section's text; it is never regenerated afterwards. */
    public Postmortem withSectionText(String key, String text, String by, Instant now) {
        if (section(key).isEmpty()) {
            throw new UnknownSectionException(id, key);
        }
        Postmortem editable = editable(by, now);
        List<Section> edited = editable.content.stream()
                .map(section -> section.key().equals(key) ? section.editedTo(text, by, now) : section).toList();
        return new Postmortem(id, incidentId, editable.status, facts, edited, editedTitle, timeline, mitigation, editable.roles, editable.revision,
                editable.transitions, publishedVersions, createdAt, now, version);
    }

    public Postmortem withTitle(String title, String by, Instant now) {
        Postmortem editable = editable(by, now);
        return new Postmortem(id, incidentId, editable.status, facts, content, title, timeline, mitigation, editable.roles, editable.revision,
                editable.transitions, publishedVersions, createdAt, now, version);
    }

    /** Hides, highlights or annotates a generated timeline entry; null arguments keep what it had. */
    public Postmortem withTimelineMark(String eventId, Boolean hidden, Boolean highlighted, String annotation,
                                       String by, Instant now) {
        if (facts.timeline().stream().noneMatch(entry -> entry.eventId().equals(eventId))) {
            throw new UnknownTimelineEntryException(id, eventId);
        }
        Postmortem editable = editable(by, now);
        return editable.withTimeline(timeline.marked(eventId, hidden, highlighted, annotation, by, now), now);
    }

    public Postmortem withTimelineEntry(String entryId, Instant at, String text, String by, Instant now) {
        Postmortem editable = editable(by, now);
        return editable.withTimeline(timeline.with(new TimelineCuration.AddedEntry(entryId, at, text, by, now)), now);
    }

    public List<TimelineCuration.CuratedEntry> curatedTimeline() {
        return timeline.applyTo(facts.timeline());
    }

    private Postmortem withTimeline(TimelineCuration curation, Instant now) {
        return new Postmortem(id, incidentId, status, facts, content, editedTitle, curation, mitigation, roles, revision, transitions,
                publishedVersions, createdAt, now, version);
    }

    /** @param teamMember whether {@code by} belongs to the incident's team (asked only when not the author) */
    public Postmortem submitted(String by, boolean teamMember, Instant now) {
        roles.requireAuthorOrTeamMember(by, teamMember, facts.teamId(), "submit it for review");
        return movedTo(PostmortemStatus.DRAFT, PostmortemStatus.IN_REVIEW, by, null, now);
    }

    /** @param teamMember whether {@code by} belongs to the incident's team now (asked only of an assigned reviewer) */
    public Postmortem changesRequested(String by, boolean teamMember, String comment, Instant now) {
        roles.requireReviewerFromTeamOtherThanAuthor(by, teamMember, facts.teamId(), "request changes");
        return movedTo(PostmortemStatus.IN_REVIEW, PostmortemStatus.DRAFT, by, comment, now);
    }

    public Postmortem withReviewers(List<String> reviewers, String by, boolean teamMember, Instant now) {
        roles.requireAuthorOrTeamMember(by, teamMember, facts.teamId(), "assign reviewers");
        return withRoles(roles.withReviewers(reviewers), now);
    }

    public Postmortem withAuthor(String author, String by, boolean teamMember, Instant now) {
        roles.requireAuthorOrTeamMember(by, teamMember, facts.teamId(), "set the author");
        return withRoles(roles.withAuthor(author), now);
    }

    private Postmortem withRoles(ReviewRoles newRoles, Instant now) {
        return new Postmortem(id, incidentId, status, facts, content, editedTitle, timeline, mitigation, newRoles,
                revision, transitions, publishedVersions, createdAt, now, version);
    }

    /**
     * Publishes the revision under review, freezing it together with its action items as they are now.
     *
     * @param teamMember whether {@code by} belongs to the incident's team now (asked only of an assigned reviewer)
     */
    public Postmortem published(String by, boolean teamMember, List<ActionItem> actionItems, Instant now) {
        roles.requireReviewerFromTeamOtherThanAuthor(by, teamMember, facts.teamId(), "publish");
        Postmortem moved = movedTo(PostmortemStatus.IN_REVIEW, PostmortemStatus.PUBLISHED, by, null, now);
        List<PublishedVersion> versions = new ArrayList<>(publishedVersions);
        versions.add(new PublishedVersion(revision, now, by, title(), facts, content, timeline,
                List.copyOf(actionItems)));
        return new Postmortem(id, incidentId, moved.status, facts, content, editedTitle, timeline, mitigation, roles, revision, moved.transitions,
                versions, createdAt, now, version);
    }

    public Optional<PublishedVersion> publishedVersion(int number) {
        return publishedVersions.stream().filter(published -> published.number() == number).findFirst();
    }

    /** A published revision shown as the post-mortem it was, read-only. */
    public Postmortem asPublished(PublishedVersion published) {
        return new Postmortem(id, incidentId, PostmortemStatus.PUBLISHED, published.facts(), published.sections(),
                published.title(), published.timeline(), null, roles, published.number(), List.of(), List.of(), createdAt, published.publishedAt(),
                version);
    }

    public Optional<Instant> firstPublishedAt() {
        return publishedVersions.stream().map(PublishedVersion::publishedAt).findFirst();
    }

    /** The post-mortem ready for a human edit: its first editor becomes the author. */
    private Postmortem editable(String by, Instant now) {
        Postmortem editable = switch (status) {
            case DRAFT -> this;
            case PUBLISHED -> nextRevision(by, "edited after publication", now);
            case IN_REVIEW -> throw new IllegalTransitionException(
                    "Post-mortem " + id + " is in review; request changes before editing it");
        };
        return editable.withRoles(editable.roles.withFirstEditor(by), editable.updatedAt);
    }

    private Postmortem nextRevision(String by, String comment, Instant now) {
        List<Transition> steps = new ArrayList<>(transitions);
        steps.add(new Transition(status, PostmortemStatus.DRAFT, by, comment, now));
        return new Postmortem(id, incidentId, PostmortemStatus.DRAFT, facts, content, editedTitle, timeline, mitigation, roles, revision + 1,
                steps, publishedVersions, createdAt, now, version);
    }

    private Postmortem movedTo(PostmortemStatus from, PostmortemStatus to, String by, String comment, Instant now) {
        if (status != from) {
            throw new IllegalTransitionException("Post-mortem " + id + " is " + status.wire() + ", not "
                    + from.wire() + "; it cannot become " + to.wire());
        }
        List<Transition> steps = new ArrayList<>(transitions);
        steps.add(new Transition(from, to, by, comment, now));
        return new Postmortem(id, incidentId, to, facts, content, editedTitle, timeline, mitigation, roles, revision, steps, publishedVersions,
                createdAt, now, version);
    }

    Postmortem withVersion(long newVersion) {
        return new Postmortem(id, incidentId, status, facts, content, editedTitle, timeline, mitigation, roles, revision,
                transitions, publishedVersions, createdAt, updatedAt, newVersion);
    }
}
