package io.oncallhq.incident.escalation;

import io.oncallhq.incident.lifecycle.EscalationStep;
import io.oncallhq.incident.directory.EscalationPolicy;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StepAfterTest {

    private static final Instant PAGED_AT = Instant.parse("2026-11-22T10:00:00Z");
    private static final EscalationPolicy TWO_LEVELS_TWICE = new EscalationPolicy(List.of(
            new EscalationPolicy.Level(List.of("alex"), 10), new EscalationPolicy.Level(List.of("blake"), 20)), 1);

    @Test
    void theNextStepIsDueThePagedLevelsDelayLater() {
        assertThat(Escalating.stepAfter(TWO_LEVELS_TWICE, 1, 1, PAGED_AT))
                .isEqualTo(new EscalationStep(2, 1, PAGED_AT.plusSeconds(600)));
        assertThat(Escalating.stepAfter(TWO_LEVELS_TWICE, 2, 1, PAGED_AT))
                .isEqualTo(new EscalationStep(1, 2, PAGED_AT.plusSeconds(1200)));
    }

    @Test
    void thereIsNoStepAfterTheLastLevelOfTheLastRound() {
        assertThat(Escalating.stepAfter(TWO_LEVELS_TWICE, 2, 2, PAGED_AT)).isNull();
    }

    @Test
    void aLevelThatReachedNobodyIsFollowedAtOnceByTheNextLevelOrTheNextRound() {
        assertThat(Escalating.nextAfterNobody(TWO_LEVELS_TWICE, new EscalationPolicy.Position(1, 1), 1))
                .contains(new EscalationPolicy.Position(2, 1));
        assertThat(Escalating.nextAfterNobody(TWO_LEVELS_TWICE, new EscalationPolicy.Position(2, 1), 1))
                .contains(new EscalationPolicy.Position(1, 2));
    }

    @Test
    void onceEveryLevelReachedNobodyAnotherRoundIsNotTried() {
        assertThat(Escalating.nextAfterNobody(TWO_LEVELS_TWICE, new EscalationPolicy.Position(2, 1), 2)).isEmpty();
        assertThat(Escalating.nextAfterNobody(TWO_LEVELS_TWICE, new EscalationPolicy.Position(2, 2), 1)).isEmpty();
    }

    @Test
    void theTimerIdIsTheSameForTheSameStepOfTheSameIncident() {
        EscalationStep step = new EscalationStep(2, 1, PAGED_AT);
        assertThat(step.timerId("incident-1")).isEqualTo(new EscalationStep(2, 1, PAGED_AT.plusSeconds(5))
                .timerId("incident-1")).isNotEqualTo(step.timerId("incident-2"));
    }
}
