package io.oncallhq.postmortem;

import io.oncallhq.postmortem.template.SectionTemplate;

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
        int revision,
        List<Transition> transitions,
        List<PublishedVersion> publishedVersions,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public Postmortem {
        content = content == null ? List.of() : List.copyOf(content);
        timeline = timeline == null ? TimelineCuration.none() : timeline;
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
        return new Postmortem(id, incidentId, PostmortemStatus.DRAFT, facts, sections, null, TimelineCuration.none(), 1, List.of(),
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
        return new Postmortem(id, incidentId, status, facts, sections, editedTitle, timeline, revision,
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
    public Optional<Postmortem> refreshedWith(IncidentFacts newFacts, Instant now) {
        if (facts.equals(newFacts)) {
            return Optional.empty();
        }
        Postmortem editable = status == PostmortemStatus.PUBLISHED
                ? nextRevision(null, "the incident changed after publication", now) : this;
        List<Section> regenerated = editable.content.stream().map(section -> section.regeneratedFrom(newFacts)).toList();
        return Optional.of(new Postmortem(id, incidentId, editable.status, newFacts, regenerated, editedTitle,
                timeline, editable.revision, editable.transitions, publishedVersions, createdAt, now, version));
    }

    /** Sets a section's text; it is never regenerated afterwards. */
    public Postmortem withSectionText(String key, String text, String by, Instant now) {
        if (section(key).isEmpty()) {
            throw new UnknownSectionException(id, key);
        }
        Postmortem editable = editable(by, now);
        List<Section> edited = editable.content.stream()
                .map(section -> section.key().equals(key) ? section.editedTo(text, by, now) : section).toList();
        return new Postmortem(id, incidentId, editable.status, facts, edited, editedTitle, timeline, editable.revision,
                editable.transitions, publishedVersions, createdAt, now, version);
    }

    public Postmortem withTitle(String title, String by, Instant now) {
        Postmortem editable = editable(by, now);
        return new Postmortem(id, incidentId, editable.status, facts, content, title, timeline, editable.revision,
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
        return new Postmortem(id, incidentId, status, facts, content, editedTitle, curation, revision, transitions,
                publishedVersions, createdAt, now, version);
    }

    public Postmortem submitted(String by, Instant now) {
        return movedTo(PostmortemStatus.DRAFT, PostmortemStatus.IN_REVIEW, by, null, now);
    }

    public Postmortem changesRequested(String by, String comment, Instant now) {
        return movedTo(PostmortemStatus.IN_REVIEW, PostmortemStatus.DRAFT, by, comment, now);
    }

    /** Publishes the revision under review, freezing it together with its action items as they are now. */
    public Postmortem published(String by, List<ActionItem> actionItems, Instant now) {
        Postmortem moved = movedTo(PostmortemStatus.IN_REVIEW, PostmortemStatus.PUBLISHED, by, null, now);
        List<PublishedVersion> versions = new ArrayList<>(publishedVersions);
        versions.add(new PublishedVersion(revision, now, by, title(), facts, content, timeline,
                actionItems.stream().map(ActionItem::withoutOutbox).toList()));
        return new Postmortem(id, incidentId, moved.status, facts, content, editedTitle, timeline, revision, moved.transitions,
                versions, createdAt, now, version);
    }

    public Optional<PublishedVersion> publishedVersion(int number) {
        return publishedVersions.stream().filter(published -> published.number() == number).findFirst();
    }

    /** A published revision shown as the post-mortem it was, read-only. */
    public Postmortem asPublished(PublishedVersion published) {
        return new Postmortem(id, incidentId, PostmortemStatus.PUBLISHED, published.facts(), published.sections(),
                published.title(), published.timeline(), published.number(), List.of(), List.of(), createdAt, published.publishedAt(),
                version);
    }

    public Optional<Instant> firstPublishedAt() {
        return publishedVersions.stream().map(PublishedVersion::publishedAt).findFirst();
    }

    private Postmortem editable(String by, Instant now) {
        return switch (status) {
            case DRAFT -> this;
            case PUBLISHED -> nextRevision(by, "edited after publication", now);
            case IN_REVIEW -> throw new IllegalTransitionException(
                    "Post-mortem " + id + " is in review; request changes before editing it");
        };
    }

    private Postmortem nextRevision(String by, String comment, Instant now) {
        List<Transition> steps = new ArrayList<>(transitions);
        steps.add(new Transition(status, PostmortemStatus.DRAFT, by, comment, now));
        return new Postmortem(id, incidentId, PostmortemStatus.DRAFT, facts, content, editedTitle, timeline, revision + 1,
                steps, publishedVersions, createdAt, now, version);
    }

    private Postmortem movedTo(PostmortemStatus from, PostmortemStatus to, String by, String comment, Instant now) {
        if (status != from) {
            throw new IllegalTransitionException("Post-mortem " + id + " is " + status.wire() + ", not "
                    + from.wire() + "; it cannot become " + to.wire());
        }
        List<Transition> steps = new ArrayList<>(transitions);
        steps.add(new Transition(from, to, by, comment, now));
        return new Postmortem(id, incidentId, to, facts, content, editedTitle, timeline, revision, steps, publishedVersions,
                createdAt, now, version);
    }

    Postmortem withVersion(long newVersion) {
        return new Postmortem(id, incidentId, status, facts, content, editedTitle, timeline, revision,
                transitions, publishedVersions, createdAt, updatedAt, newVersion);
    }
}
