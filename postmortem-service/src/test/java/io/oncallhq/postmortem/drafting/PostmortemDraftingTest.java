package io.oncallhq.postmortem.drafting;

import io.oncallhq.postmortem.ProjectedIncident;
import io.oncallhq.postmortem.RecordedIncident.Recorded;
import io.oncallhq.postmortem.RecordedIncident;
import io.oncallhq.postmortem.document.Postmortem;
import io.oncallhq.postmortem.history.IncidentHistory;
import io.oncallhq.postmortem.history.TimelineEntry;
import io.oncallhq.postmortem.template.SectionTemplate;
import io.oncallhq.postmortem.template.Template;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static io.oncallhq.postmortem.RecordedIncident.TRIGGERED_AT;
import static io.oncallhq.postmortem.RecordedIncident.lateNote;
import static io.oncallhq.postmortem.RecordedIncident.reopened;
import static io.oncallhq.postmortem.RecordedIncident.resolvedAgain;
import static io.oncallhq.postmortem.RecordedIncident.resolvedCheckoutIncident;
import static org.assertj.core.api.Assertions.assertThat;

class PostmortemDraftingTest {

    private static final String INCIDENT = "inc-1";
    private static final Instant DRAFTED_AT = Instant.parse("2026-11-20T11:00:00Z");
    private static final List<SectionTemplate> FULL = Template.builtIn().high();

    @Test
    void draftCarriesTheIncidentsTimesAndMeasuresFromWhenTheProblemBegan() {
        IncidentFacts facts = projected(resolvedCheckoutIncident(INCIDENT)).facts();

        assertThat(facts.title()).isEqualTo("Post-mortem: #42 Checkout latency above 2s");
        assertThat(facts.serviceName()).isEqualTo("Checkout API");
        assertThat(facts.startedAt()).isEqualTo(TRIGGERED_AT.minus(Duration.ofMinutes(2)));
        assertThat(facts.acknowledgedAt()).isEqualTo(TRIGGERED_AT.plus(Duration.ofMinutes(4)));
        assertThat(facts.acknowledgedBy()).isEqualTo("Alex Rivera");
        assertThat(facts.resolvedAt()).isEqualTo(TRIGGERED_AT.plus(Duration.ofMinutes(28)));
        assertThat(facts.timeToAcknowledge()).isEqualTo(new TimeSpan("PT6M", 360));
        assertThat(facts.timeToResolve()).isEqualTo(new TimeSpan("PT30M", 1800));
        assertThat(facts.responders()).singleElement()
                .satisfies(responder -> {
                    assertThat(responder.name()).isEqualTo("Alex Rivera");
                    assertThat(responder.level()).isEqualTo(1);
                    assertThat(responder.outcome()).isEqualTo("delivered");
                });
        assertThat(facts.alerts()).singleElement()
                .satisfies(alert -> assertThat(alert.links()).extracting("href")
                        .containsExactly("https://runbooks.example.com/checkout-latency", RecordedIncident.GENERATOR_URL));
    }

    @Test
    void timelineFollowsTheOrderThingsHappenedIn() {
        IncidentFacts facts = projected(resolvedCheckoutIncident(INCIDENT)).facts();

        assertThat(facts.timeline()).extracting(TimelineEntry::text).containsExactly(
                "Incident #42 triggered: Checkout latency above 2s",
                "Alert attached: Checkout latency above 2s (source: checkout-api-7f9c)",
                "Paging Alex Rivera (level 1)",
                "Paged Alex Rivera (level 1) via slack",
                "Acknowledged by Alex Rivera",
                "Note: Rolled back release 2026.11.20-1",
                "Resolved by Alex Rivera");
        assertThat(facts.timeline()).extracting(TimelineEntry::eventId).doesNotHaveDuplicates();
    }

    @Test
    void outOfOrderDeliveryGivesTheSameDraft() {
        List<Recorded> inOrder = resolvedCheckoutIncident(INCIDENT);
        List<Recorded> reversed = new ArrayList<>(inOrder);
        Collections.reverse(reversed);
        List<Recorded> shuffled = new ArrayList<>(inOrder);
        Collections.shuffle(shuffled, new Random(7));

        IncidentFacts expected = projected(inOrder).facts();

        assertThat(projected(reversed).facts()).isEqualTo(expected);
        assertThat(projected(shuffled).facts()).isEqualTo(expected);
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        List<Recorded> events = resolvedCheckoutIncident(INCIDENT);
        ProjectedIncident projected = projected(events);
        IncidentHistory history = projected.history();
        Postmortem draft = Postmortem.draft("pm-1", INCIDENT, projected.facts(), FULL, DRAFTED_AT);

        events.forEach(redelivered -> projected.record(redelivered.id(), redelivered.event()));

        assertThat(projected.history()).isEqualTo(history);
        assertThat(draft.refreshedWith(projected.facts(), DRAFTED_AT.plusSeconds(60))).isEmpty();
    }

    @Test
    void reopeningAndResolvingAgainRefreshesTheFactsAndKeepsEditedSections() {
        List<Recorded> events = new ArrayList<>(resolvedCheckoutIncident(INCIDENT));
        Postmortem edited = Postmortem.draft("pm-1", INCIDENT, projected(events).facts(), FULL,
                        DRAFTED_AT)
                .withSectionText(Template.IMPACT, "Some payments took longer", "sam", DRAFTED_AT.plusSeconds(60))
                .withSectionText(Template.SUMMARY, "Checkout was slow for 30 minutes", "sam", DRAFTED_AT.plusSeconds(90));
        String generatedResponse = edited.section(Template.RESPONSE).orElseThrow().text();

        events.add(reopened(INCIDENT, "e8", 40 * 60));
        events.add(resolvedAgain(INCIDENT, "e9", 50 * 60));
        Postmortem refreshed = edited.refreshedWith(projected(events).facts(),
                DRAFTED_AT.plusSeconds(3600)).orElseThrow();

        assertThat(refreshed.section(Template.SUMMARY)).isEqualTo(edited.section(Template.SUMMARY));
        assertThat(refreshed.section(Template.IMPACT)).isEqualTo(edited.section(Template.IMPACT));
        assertThat(generatedResponse).contains("Resolved 30 min after the problem began");
        assertThat(refreshed.section(Template.RESPONSE).orElseThrow().text())
                .contains("Resolved 52 min after the problem began");
        assertThat(refreshed.facts().resolvedAt()).isEqualTo(TRIGGERED_AT.plus(Duration.ofMinutes(50)));
        assertThat(refreshed.facts().timeToResolve()).isEqualTo(new TimeSpan("PT52M", 52 * 60));
        assertThat(refreshed.facts().timeline()).extracting(TimelineEntry::text).endsWith(
                "Reopened by alert-correlation: The alert fired again",
                "Resolved by Alex Rivera: Connection pool resized");
        assertThat(refreshed.id()).isEqualTo(edited.id());
        assertThat(refreshed.createdAt()).isEqualTo(DRAFTED_AT);
        assertThat(refreshed.updatedAt()).isEqualTo(DRAFTED_AT.plusSeconds(3600));
    }

    @Test
    void aLateNoteLandsInItsPlaceOnTheTimeline() {
        List<Recorded> events = new ArrayList<>(resolvedCheckoutIncident(INCIDENT));
        events.add(lateNote(INCIDENT, "e8", 5 * 60));

        IncidentFacts facts = projected(events).facts();

        assertThat(facts.timeline()).extracting(TimelineEntry::text)
                .containsSubsequence("Acknowledged by Alex Rivera", "Note: Dashboards updated",
                        "Note: Rolled back release 2026.11.20-1");
        assertThat(facts.resolvedAt()).isEqualTo(TRIGGERED_AT.plus(Duration.ofMinutes(28)));
    }

    @Test
    void anIncidentNeverResolvedOwesNoPostmortem() {
        List<Recorded> events = resolvedCheckoutIncident(INCIDENT);

        assertThat(projected(events.subList(0, events.size() - 1)).history().wasResolved()).isFalse();
        assertThat(projected(events).history().wasResolved()).isTrue();
    }

    private static ProjectedIncident projected(List<Recorded> events) {
        return ProjectedIncident.projected(INCIDENT, events);
    }
}
