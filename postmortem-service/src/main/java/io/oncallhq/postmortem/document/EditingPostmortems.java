package io.oncallhq.postmortem.document;

import io.oncallhq.postmortem.actionitems.ActionItems;
import io.oncallhq.postmortem.team.Teams;
import io.oncallhq.postmortem.template.Templates;
import io.oncallhq.outbox.Change;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Edits and review steps, written through the outbox writer ({@link Postmortems#update}). An edit names the version
 * it is based on and is refused (412) when the post-mortem moved on since, so nothing is ever silently overwritten:
 * the version is checked inside the change, so when the writer runs the change again after a concurrent write, the
 * fresh copy's newer version refuses it too, and the writer's retry never turns a stale If-Match into a success. A
 * review step may name a version; without one the writer's retry applies it to the latest, since the step itself
 * checks the state it starts from.
 */
@Component
public class EditingPostmortems {

    private final Postmortems postmortems;
    private final ActionItems actionItems;
    private final Templates templates;
    private final Teams teams;
    private final Clock clock;

    EditingPostmortems(Postmortems postmortems, ActionItems actionItems, Templates templates, Teams teams,
                       Clock clock) {
        this.postmortems = postmortems;
        this.actionItems = actionItems;
        this.templates = templates;
        this.teams = teams;
        this.clock = clock;
    }

    public Postmortem get(String id) {
        return withTemplateSections(postmortems.find(id).orElseThrow(() -> new PostmortemNotFoundException(id)));
    }

    Postmortem editSection(String id, long expectedVersion, String key, String text, String by) {
        return edit(id, expectedVersion, (postmortem, now) -> postmortem.withSectionText(key, text, by, now));
    }

    Postmortem retitle(String id, long expectedVersion, String title, String by) {
        return edit(id, expectedVersion, (postmortem, now) -> postmortem.withTitle(title, by, now));
    }

    public Postmortem markTimelineEntry(String id, long expectedVersion, String eventId, Boolean hidden,
                                 Boolean highlighted, String annotation, String by) {
        return edit(id, expectedVersion, (postmortem, now) ->
                postmortem.withTimelineMark(eventId, hidden, highlighted, annotation, by, now));
    }

    public Postmortem addTimelineEntry(String id, long expectedVersion, Instant at, String text, String by) {
        String entryId = UUID.randomUUID().toString();
        return edit(id, expectedVersion, (postmortem, now) -> postmortem.withTimelineEntry(entryId, at, text, by, now));
    }

    public Postmortem markMitigation(String id, long expectedVersion, String eventId, Instant at, String by) {
        return edit(id, expectedVersion, (postmortem, now) -> postmortem.withMitigation(eventId, at, by, now));
    }

    public Postmortem submit(String id, Long expectedVersion, String by) {
        boolean member = teamMember(id, by);
        return step(id, expectedVersion, (postmortem, now) -> postmortem.submitted(by, member, now));
    }

    public Postmortem assignReviewers(String id, Long expectedVersion, List<String> reviewers, String by) {
        boolean member = teamMember(id, by);
        return step(id, expectedVersion, (postmortem, now) -> postmortem.withReviewers(reviewers, by, member, now));
    }

    public Postmortem assignAuthor(String id, Long expectedVersion, String author, String by) {
        boolean member = teamMember(id, by);
        return step(id, expectedVersion, (postmortem, now) -> postmortem.withAuthor(author, by, member, now));
    }

    public Postmortem requestChanges(String id, Long expectedVersion, String by, String comment) {
        boolean member = reviewerInTeam(id, by);
        return step(id, expectedVersion, (postmortem, now) -> postmortem.changesRequested(by, member, comment, now));
    }

    public Postmortem publish(String id, Long expectedVersion, String by) {
        boolean member = reviewerInTeam(id, by);
        return step(id, expectedVersion,
                (postmortem, now) -> postmortem.published(by, member, actionItems.ofPostmortem(id), now));
    }

    /** incident-service is asked only when the author's own say does not settle it. */
    private boolean teamMember(String id, String by) {
        Postmortem current = get(id);
        return !current.roles().isAuthor(by) && teams.hasMember(current.facts().teamId(), by);
    }

    /** Only an assigned reviewer other than the author may approve, so incident-service is asked only about one. */
    private boolean reviewerInTeam(String id, String by) {
        Postmortem current = get(id);
        return current.roles().reviewers().contains(by) && !current.roles().isAuthor(by)
                && teams.hasMember(current.facts().teamId(), by);
    }

    private Postmortem edit(String id, long expectedVersion, BiFunction<Postmortem, Instant, Postmortem> change) {
        return write(id, expectedVersion, change);
    }

    private Postmortem step(String id, Long expectedVersion, BiFunction<Postmortem, Instant, Postmortem> change) {
        return write(id, expectedVersion, change);
    }

    /** {@code expectedVersion} null: any version, the latest. */
    private Postmortem write(String id, Long expectedVersion, BiFunction<Postmortem, Instant, Postmortem> change) {
        return postmortems.update(id, stored -> {
            Postmortem current = withTemplateSections(stored);
            if (expectedVersion != null && current.version() != expectedVersion) {
                throw new StaleVersionException(id, current.version());
            }
            return Change.replacedBy(change.apply(current, clock.instant()));
        }).orElseThrow(() -> new PostmortemNotFoundException(id));
    }

    private Postmortem withTemplateSections(Postmortem stored) {
        return stored.withSectionsFrom(templates.forTeam(stored.facts().teamId()).sectionsFor(stored.facts().severity()));
    }
}
