package io.oncallhq.postmortem.timeline;

import io.oncallhq.postmortem.document.Postmortem;
import io.oncallhq.postmortem.drafting.IncidentFacts;
import io.oncallhq.postmortem.drafting.TimeSpan;
import io.oncallhq.postmortem.template.Template;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.oncallhq.postmortem.RecordedIncident.reopened;
import static io.oncallhq.postmortem.RecordedIncident.resolvedAgain;
import static io.oncallhq.postmortem.RecordedIncident.resolvedCheckout;
import static io.oncallhq.postmortem.RecordedIncident.resolvedCheckoutFacts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Mitigation is what a responder marks, measured from when the problem began, and it survives refreshes. */
class MitigationTest {

    private static final Instant NOW = Instant.parse("2026-11-21T09:00:00Z");
    /** The note "Rolled back release 2026.11.20-1", ten minutes after the trigger. */
    private static final String ROLLBACK_NOTE = "inc-1-e6";

    @Test
    void markingTheRollbackNoteMeasuresTimeToMitigateFromWhenTheProblemBegan() {
        Postmortem marked = draft().withMitigation(ROLLBACK_NOTE, null, "alex", NOW);

        assertThat(marked.facts().mitigatedAt()).isEqualTo(Instant.parse("2026-11-20T10:10:00Z"));
        assertThat(marked.facts().timeToMitigate()).isEqualTo(new TimeSpan("PT12M", 12 * 60));
        assertThat(marked.mitigation().by()).isEqualTo("alex");
        assertThat(marked.section(Template.RESPONSE).orElseThrow().text())
                .contains("Acknowledged 6 min after the problem began. Mitigated 12 min after the problem began.");
        assertThat(marked.roles().author()).isEqualTo("alex");
    }

    @Test
    void anUnmarkedIncidentHasNoTimeToMitigate() {
        assertThat(draft().facts().mitigatedAt()).isNull();
        assertThat(draft().facts().timeToMitigate()).isNull();
    }

    @Test
    void aTimeOfItsOwnOrAnAddedEntryCanBeTheMitigation() {
        Instant decided = Instant.parse("2026-11-20T10:15:00Z");
        Postmortem withEntry = draft().withTimelineEntry("added-1", decided, "Traffic moved to the other region", "sam", NOW);

        assertThat(withEntry.withMitigation("added-1", null, "sam", NOW).facts().mitigatedAt()).isEqualTo(decided);
        assertThat(draft().withMitigation(null, decided.plusSeconds(60), "sam", NOW).facts().timeToMitigate().seconds())
                .isEqualTo(18 * 60);
    }

    @Test
    void theMarkSurvivesAReopenAndSecondResolution() {
        Postmortem marked = draft().withMitigation(ROLLBACK_NOTE, null, "alex", NOW);
        IncidentFacts resolvedAgain = resolvedCheckout("inc-1")
                .record("e-reopen", reopened("inc-1", "e-reopen", 40 * 60).event())
                .record("e-again", resolvedAgain("inc-1", "e-again", 50 * 60).event()).facts();

        Postmortem refreshed = marked.refreshedWith(resolvedAgain, NOW.plusSeconds(60)).orElseThrow();

        assertThat(refreshed.facts().timeToMitigate().seconds()).isEqualTo(12 * 60);
        assertThat(refreshed.facts().timeToResolve().seconds()).isEqualTo(52 * 60);
        assertThat(marked.refreshedWith(resolvedCheckoutFacts("inc-1"), NOW)).isEmpty();
    }

    @Test
    void aMitigationBeforeTheProblemBeganOrWithoutOneClearAnchorIsRefused() {
        assertThatThrownBy(() -> draft().withMitigation(null, Instant.parse("2026-11-20T09:00:00Z"), "sam", NOW))
                .isInstanceOf(InvalidMitigationException.class)
                .satisfies(e -> assertThat(((InvalidMitigationException) e).field()).isEqualTo("at"));
        assertThatThrownBy(() -> draft().withMitigation(null, null, "sam", NOW)).isInstanceOf(InvalidMitigationException.class);
        assertThatThrownBy(() -> draft().withMitigation(ROLLBACK_NOTE, NOW, "sam", NOW))
                .isInstanceOf(InvalidMitigationException.class);
        assertThatThrownBy(() -> draft().withMitigation("no-such-entry", null, "sam", NOW))
                .isInstanceOf(UnknownTimelineEntryException.class);
    }

    private static Postmortem draft() {
        return Postmortem.draft("pm-1", "inc-1", resolvedCheckoutFacts("inc-1"), Template.builtIn().high(),
                NOW.minusSeconds(3600));
    }
}
