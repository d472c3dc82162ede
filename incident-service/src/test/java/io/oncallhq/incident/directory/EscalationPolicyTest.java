package io.oncallhq.incident.directory;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EscalationPolicyTest {

    private static final EscalationPolicy.Level FIRST = new EscalationPolicy.Level(List.of("alex"), 10);
    private static final EscalationPolicy.Level SECOND = new EscalationPolicy.Level(List.of("blake"), 20);

    @Test
    void theNextLevelFollowsWithinTheRound() {
        EscalationPolicy policy = new EscalationPolicy(List.of(FIRST, SECOND), 1);

        assertThat(policy.after(1, 1)).contains(new EscalationPolicy.Position(2, 1));
    }

    @Test
    void afterTheLastLevelTheNextRoundStartsAtLevelOneUntilTheRepeatsAreUsedUp() {
        EscalationPolicy policy = new EscalationPolicy(List.of(FIRST, SECOND), 1);

        assertThat(policy.after(2, 1)).contains(new EscalationPolicy.Position(1, 2));
        assertThat(policy.after(2, 2)).isEmpty();
    }

    @Test
    void aPolicyWithoutRepeatsEndsAfterItsLastLevel() {
        assertThat(new EscalationPolicy(List.of(FIRST)).after(1, 1)).isEmpty();
        assertThat(new EscalationPolicy(List.of(), 3).after(0, 1)).isEmpty();
    }
}
