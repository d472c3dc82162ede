package io.oncallhq.postmortem.review;

import io.oncallhq.contracts.Severity;
import io.oncallhq.postmortem.ProjectedIncident;
import io.oncallhq.postmortem.RecordedIncident.Recorded;
import io.oncallhq.postmortem.RecordedIncident;
import io.oncallhq.postmortem.actionitems.ActionItem;
import io.oncallhq.postmortem.document.Postmortem;
import io.oncallhq.postmortem.document.UnknownSectionException;
import io.oncallhq.postmortem.drafting.IncidentFacts;
import io.oncallhq.postmortem.export.MarkdownExport;
import io.oncallhq.postmortem.template.SectionTemplate;
import io.oncallhq.postmortem.template.Template;
import io.oncallhq.postmortem.timeline.TimelineCuration;
import io.oncallhq.postmortem.timeline.UnknownTimelineEntryException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static io.oncallhq.postmortem.RecordedIncident.resolvedCheckoutFacts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostmortemReviewTest {

    private static final Instant NOW = Instant.parse("2026-11-21T09:00:00Z");

    @Test
    void highSeverityGetsTheFullTemplateAndLowSeverityTheShortOne() {
        Template template = Template.builtIn();

        assertThat(template.sectionsFor(Severity.CRITICAL)).extracting(SectionTemplate::key).containsExactly(
                "summary", "impact", "detection", "response", "rootCause", "wentWell", "wentBadly", "gotLucky",
                "actionItems");
        assertThat(template.sectionsFor(Severity.ERROR)).isEqualTo(template.high());
        assertThat(template.sectionsFor(Severity.WARNING)).extracting(SectionTemplate::key)
                .containsExactly("summary", "impact", "rootCause", "actionItems");
        assertThat(template.sectionsFor(Severity.INFO)).isEqualTo(template.low());
    }

    @Test
    void theGeneratedSummarySpeaksOfTheSystemAndTheTimes() {
        Postmortem draft = draft();

        assertThat(draft.section(Template.SUMMARY).orElseThrow().text()).isEqualTo(
                "Checkout API had a critical incident, #42, starting 2026-11-20 09:58 UTC. It was resolved 30 min "
                        + "after it began and acknowledged after 6 min.");
        assertThat(draft.section(Template.ROOT_CAUSE).orElseThrow().guidance()).contains("not who did it");
    }

    @Test
    void aDraftGoesThroughReviewToPublished() {
        Postmortem published = draft()
                .submitted("sam", true, NOW)
                .changesRequested("rita", true, "Impact is missing", NOW.plusSeconds(60))
                .withSectionText(Template.IMPACT, "2% of checkouts failed", "sam", NOW.plusSeconds(120))
                .submitted("sam", true, NOW.plusSeconds(180))
                .published("rita", true, List.of(), NOW.plusSeconds(240));

        assertThat(published.status()).isEqualTo(PostmortemStatus.PUBLISHED);
        assertThat(published.transitions()).extracting(Transition::to).containsExactly(PostmortemStatus.IN_REVIEW,
                PostmortemStatus.DRAFT, PostmortemStatus.IN_REVIEW, PostmortemStatus.PUBLISHED);
        assertThat(published.transitions().get(1).comment()).isEqualTo("Impact is missing");
        assertThat(published.publishedVersion(1)).hasValueSatisfying(version -> {
            assertThat(version.publishedBy()).isEqualTo("rita");
            assertThat(version.sections()).anySatisfy(section -> assertThat(section.text()).isEqualTo("2% of checkouts failed"));
        });
        assertThat(published.firstPublishedAt()).contains(NOW.plusSeconds(240));
    }

    @Test
    void stepsOutOfOrderAreRefused() {
        Postmortem draft = draft();
        Postmortem inReview = draft.submitted("sam", true, NOW);

        assertThatThrownBy(() -> draft.published("rita", true, List.of(), NOW)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> draft.changesRequested("rita", true, null, NOW)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> inReview.submitted("sam", true, NOW)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> inReview.withSectionText(Template.IMPACT, "x", "sam", NOW))
                .isInstanceOf(IllegalTransitionException.class);
        Postmortem published = inReview.published("rita", true, List.of(), NOW);
        assertThatThrownBy(() -> published.submitted("sam", true, NOW)).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void editingAPublishedPostmortemStartsTheNextRevisionAndKeepsThePublishedOne() {
        ActionItem item = new ActionItem("ai-1", "pm-1", "inc-1", "payments", "Resize the pool", "alex",
                LocalDate.parse("2026-12-01"), null, null, null, null, NOW, NOW);
        Postmortem published = draft()
                .withSectionText(Template.IMPACT, "2% of checkouts failed", "sam", NOW)
                .submitted("sam", true, NOW).published("rita", true, List.of(item), NOW.plusSeconds(60));

        Postmortem edited = published.withSectionText(Template.IMPACT, "3% of checkouts failed", "sam", NOW.plusSeconds(120));

        assertThat(edited.status()).isEqualTo(PostmortemStatus.DRAFT);
        assertThat(edited.revision()).isEqualTo(2);
        assertThat(edited.section(Template.IMPACT).orElseThrow().text()).isEqualTo("3% of checkouts failed");
        PublishedVersion first = edited.publishedVersion(1).orElseThrow();
        assertThat(edited.asPublished(first).section(Template.IMPACT).orElseThrow().text())
                .isEqualTo("2% of checkouts failed");
        assertThat(first.actionItems()).extracting(ActionItem::title).containsExactly("Resize the pool");
        assertThat(edited.publishedVersion(2)).isEmpty();
    }

    @Test
    void anUnknownSectionCannotBeEdited() {
        assertThatThrownBy(() -> draft().withSectionText("blame", "x", "sam", NOW))
                .isInstanceOf(UnknownSectionException.class);
    }

    @Test
    void aDraftStoredBeforeTemplatesGetsTheTemplatesSectionsOnce() {
        Postmortem legacy = new Postmortem("pm-1", "inc-1", PostmortemStatus.DRAFT, resolvedCheckoutFacts("inc-1"),
                null, null, null, null, null, 0, null, null, NOW, NOW, 4);

        Postmortem upgraded = legacy.withSectionsFrom(Template.builtIn().high());

        assertThat(legacy.revision()).isEqualTo(1);
        assertThat(upgraded.content()).hasSize(9);
        assertThat(upgraded.version()).isEqualTo(4);
        assertThat(upgraded.withSectionsFrom(Template.builtIn().low())).isEqualTo(upgraded);
    }

    @Test
    void timelineCurationSurvivesARefreshAndShowsInTheExport() {
        Postmortem draft = draft();
        String acknowledged = eventIdOf(draft, "Acknowledged by Alex Rivera");
        String paging = eventIdOf(draft, "Paging Alex Rivera (level 1)");
        Postmortem curated = draft
                .withTimelineMark(paging, true, null, null, "sam", NOW)
                .withTimelineMark(acknowledged, null, true, "Four minutes after the page", "sam", NOW)
                .withTimelineEntry("added-1", Instant.parse("2026-11-20T10:15:00Z"), "Decided to roll back", "sam", NOW);

        List<Recorded> events = new ArrayList<>(RecordedIncident.resolvedCheckoutIncident("inc-1"));
        events.add(RecordedIncident.lateNote("inc-1", "e-late", 5 * 60));
        Postmortem refreshed = curated.refreshedWith(factsOf(events), NOW.plusSeconds(60)).orElseThrow();

        assertThat(refreshed.curatedTimeline()).extracting(TimelineCuration.CuratedEntry::text).containsSubsequence(
                "Acknowledged by Alex Rivera", "Note: Dashboards updated", "Note: Rolled back release 2026.11.20-1",
                "Decided to roll back", "Resolved by Alex Rivera");
        assertThat(refreshed.curatedTimeline()).filteredOn(TimelineCuration.CuratedEntry::hidden)
                .extracting(TimelineCuration.CuratedEntry::eventId).containsExactly(paging);
        String markdown = MarkdownExport.render(refreshed, List.of(), "http://incidents.test/incidents/inc-1");
        assertThat(markdown).doesNotContain("Paging Alex Rivera")
                .contains("| **Acknowledged by Alex Rivera** — _Four minutes after the page_ |",
                        "| 2026-11-20 10:15 UTC | Decided to roll back |");
        assertThatThrownBy(() -> draft.withTimelineMark("no-such-event", true, null, null, "sam", NOW))
                .isInstanceOf(UnknownTimelineEntryException.class);
    }

    private static String eventIdOf(Postmortem postmortem, String text) {
        return postmortem.facts().timeline().stream().filter(entry -> entry.text().equals(text)).findFirst()
                .orElseThrow().eventId();
    }

    private static IncidentFacts factsOf(List<Recorded> events) {
        return ProjectedIncident.projected("inc-1", events).facts();
    }

    /** Drafted, with rita assigned to review it by sam of the incident's team. */
    private static Postmortem draft() {
        return Postmortem.draft("pm-1", "inc-1", resolvedCheckoutFacts("inc-1"), Template.builtIn().high(),
                NOW.minusSeconds(3600)).withReviewers(List.of("rita"), "sam", true, NOW.minusSeconds(3500));
    }
}
