package io.oncallhq.postmortem.drafting;

import io.oncallhq.postmortem.RecordedChange.Recorded;
import io.oncallhq.postmortem.change.ServiceChange;
import io.oncallhq.postmortem.document.Postmortem;
import io.oncallhq.postmortem.history.TimelineEntry;
import io.oncallhq.postmortem.template.SectionTemplate;
import io.oncallhq.postmortem.template.Template;
import io.oncallhq.postmortem.timeline.TimelineCuration.CuratedEntry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static io.oncallhq.postmortem.RecordedChange.configured;
import static io.oncallhq.postmortem.RecordedChange.deployed;
import static io.oncallhq.postmortem.RecordedIncident.STARTED_AT;
import static io.oncallhq.postmortem.RecordedIncident.TRIGGERED_AT;
import static io.oncallhq.postmortem.RecordedIncident.resolvedCheckout;
import static org.assertj.core.api.Assertions.assertThat;

/** The changes to the incident's service in its post-mortem: where they are listed, and what a late one changes. */
class PostmortemChangesTest {

    private static final String INCIDENT = "inc-1";
    private static final String SERVICE = "checkout-api";
    private static final Instant DRAFTED_AT = Instant.parse("2026-11-20T11:00:00Z");
    private static final List<SectionTemplate> FULL = Template.builtIn().high();
    /** Ten minutes before the problem began. */
    private static final Recorded DEPLOY = deployed("ch-deploy", SERVICE, "2026.11.20-1", STARTED_AT.minus(Duration.ofMinutes(10)));
    /** Three minutes after the acknowledgement, while the incident was open. */
    private static final Recorded FLAG_OFF = configured("ch-flag", SERVICE, "Feature flag fast-checkout turned off",
            TRIGGERED_AT.plus(Duration.ofMinutes(7)));
    private static final Recorded YESTERDAYS_DEPLOY = deployed("ch-yesterday", SERVICE, "2026.11.19-3",
            STARTED_AT.minus(Duration.ofHours(20)));

    @Test
    void changesAreListedOldestFirstWhateverOrderTheyArrivedIn() {
        IncidentFacts facts = factsWith(FLAG_OFF, DEPLOY, YESTERDAYS_DEPLOY);

        assertThat(facts.changes()).extracting(ServiceChange::id).containsExactly("ch-yesterday", "ch-deploy", "ch-flag");
        assertThat(facts).isEqualTo(factsWith(YESTERDAYS_DEPLOY, FLAG_OFF, DEPLOY));
    }

    @Test
    void eachChangeStandsOnTheTimelineAtItsTime() {
        IncidentFacts facts = factsWith(FLAG_OFF, DEPLOY);

        assertThat(facts.timeline()).extracting(TimelineEntry::text).containsExactly(
                "Change: Deployed checkout 2026.11.20-1 (source: argo-cd)",
                "Incident #42 triggered: Checkout latency above 2s",
                "Alert attached: Checkout latency above 2s (source: checkout-api-7f9c)",
                "Paging Alex Rivera (level 1)",
                "Paged Alex Rivera (level 1) via slack",
                "Acknowledged by Alex Rivera",
                "Change: Feature flag fast-checkout turned off",
                "Note: Rolled back release 2026.11.20-1",
                "Resolved by Alex Rivera");
        assertThat(facts.timeline().getFirst().eventId()).isEqualTo("ch-deploy");
        assertThat(facts.timeline().getFirst().at()).isEqualTo(Instant.parse("2026-11-20T09:48:00Z"));
    }

    @Test
    void aChangeAtTheInstantOfTheTriggerComesBeforeIt() {
        IncidentFacts facts = factsWith(configured("ch-push", SERVICE, "Config pushed", TRIGGERED_AT));

        assertThat(facts.timeline()).extracting(TimelineEntry::text)
                .startsWith("Change: Config pushed", "Incident #42 triggered: Checkout latency above 2s");
    }

    @Test
    void theSummaryNamesTheLastChangeBeforeTheProblemBegan() {
        Postmortem draft = Postmortem.draft("pm-1", INCIDENT, factsWith(YESTERDAYS_DEPLOY, DEPLOY, FLAG_OFF), FULL,
                DRAFTED_AT);

        assertThat(draft.section(Template.SUMMARY).orElseThrow().text()).isEqualTo(
                "Checkout API had a critical incident, #42, starting 2026-11-20 09:58 UTC. It was resolved 30 min "
                        + "after it began and acknowledged after 6 min. The last change to the service before it "
                        + "began was \"Deployed checkout 2026.11.20-1\" from argo-cd at 2026-11-20 09:48 UTC (10 min before).");
    }

    @Test
    void aChangeMadeOnlyWhileTheIncidentWasOpenIsNotCalledTheLastOneBeforeIt() {
        Postmortem draft = Postmortem.draft("pm-1", INCIDENT, factsWith(FLAG_OFF), FULL, DRAFTED_AT);

        assertThat(draft.section(Template.SUMMARY).orElseThrow().text()).doesNotContain("change");
    }

    @Test
    void aChangeReportedLateIsAddedAndWhatPeopleWroteStays() {
        Postmortem edited = Postmortem.draft("pm-1", INCIDENT, factsWith(), FULL, DRAFTED_AT)
                .withSectionText(Template.IMPACT, "Some payments took longer", "sam", DRAFTED_AT.plusSeconds(60))
                .withTimelineMark("inc-1-e3", true, null, "Superseded by the delivery", "sam", DRAFTED_AT.plusSeconds(90))
                .withTimelineEntry("added-1", TRIGGERED_AT.plus(Duration.ofMinutes(15)), "Decided to roll back", "sam",
                        DRAFTED_AT.plusSeconds(120));

        Postmortem refreshed = edited.withLateChanges(factsWith(DEPLOY), DRAFTED_AT.plusSeconds(600)).orElseThrow();

        assertThat(refreshed.facts().changes()).extracting(ServiceChange::id).containsExactly("ch-deploy");
        assertThat(refreshed.section(Template.IMPACT)).isEqualTo(edited.section(Template.IMPACT));
        assertThat(refreshed.section(Template.SUMMARY).orElseThrow().text()).contains("Deployed checkout 2026.11.20-1");
        assertThat(refreshed.curatedTimeline()).extracting(CuratedEntry::text)
                .startsWith("Change: Deployed checkout 2026.11.20-1 (source: argo-cd)")
                .contains("Decided to roll back");
        assertThat(refreshed.curatedTimeline()).filteredOn(entry -> entry.eventId().equals("inc-1-e3")).singleElement()
                .satisfies(entry -> assertThat(entry.hidden()).isTrue());
        assertThat(refreshed.withLateChanges(factsWith(DEPLOY), DRAFTED_AT.plusSeconds(700))).isEmpty();
    }

    @Test
    void aChangeReportedLateLeavesAPublishedPostmortemAsPublished() {
        Postmortem published = Postmortem.draft("pm-1", INCIDENT, factsWith(), FULL, DRAFTED_AT)
                .withReviewers(List.of("rita"), "sam", true, DRAFTED_AT)
                .submitted("sam", true, DRAFTED_AT.plusSeconds(60))
                .published("rita", true, List.of(), DRAFTED_AT.plusSeconds(120));

        assertThat(published.withLateChanges(factsWith(DEPLOY), DRAFTED_AT.plusSeconds(600))).isEmpty();
        Postmortem nextRevision = published.refreshedWith(factsWith(DEPLOY), DRAFTED_AT.plusSeconds(900)).orElseThrow();
        assertThat(nextRevision.revision()).isEqualTo(2);
        assertThat(nextRevision.facts().changes()).extracting(ServiceChange::id).containsExactly("ch-deploy");
        assertThat(nextRevision.publishedVersion(1).orElseThrow().facts().changes()).isEmpty();
    }

    private static IncidentFacts factsWith(Recorded... changes) {
        return resolvedCheckout(INCIDENT).facts(Stream.of(changes).map(Recorded::stored).toList());
    }
}
