package io.oncallhq.notification.slack;

import io.oncallhq.contracts.Actor;
import io.oncallhq.contracts.command.AcknowledgeIncident;
import io.oncallhq.contracts.command.EscalateIncident;
import io.oncallhq.notification.paging.PageState;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class IncidentActionTest {

    private static final Instant AT = Instant.parse("2026-11-22T10:20:00Z");

    @Test
    void anAcknowledgedIncidentCanStillBeEscalatedAndResolvedButNotAcknowledgedAgain() {
        PageState acknowledged = PageState.acknowledged("Sam Lee", AT);

        assertThat(IncidentAction.ESCALATE.staleness(acknowledged)).isNull();
        assertThat(IncidentAction.RESOLVE.staleness(acknowledged)).isNull();
        assertThat(IncidentAction.ACKNOWLEDGE.staleness(acknowledged)).contains("already acknowledged by Sam Lee");
    }

    @Test
    void aResolvedIncidentTakesNoActionAnyMore() {
        PageState resolved = PageState.resolved("Sam Lee", AT);

        assertThat(IncidentAction.values()).allSatisfy(action ->
                assertThat(action.staleness(resolved)).contains("already resolved by Sam Lee"));
    }

    @Test
    void acknowledgeAllOnADigestAcknowledgesEachOpenIncidentAndSkipsTheAcknowledgedOnes() {
        Actor alex = Actor.slackUser("U0ALEX", "alex");
        IncidentAction acknowledgeAll = IncidentAction.ofActionId("digest_acknowledge_all").orElseThrow();

        assertThat(acknowledgeAll.onDigest()).isTrue();
        assertThat(acknowledgeAll.command("inc-1", alex, AT)).isEqualTo(new AcknowledgeIncident("inc-1", alex, AT));
        assertThat(acknowledgeAll.staleness(PageState.OPEN)).isNull();
        assertThat(acknowledgeAll.staleness(PageState.acknowledged("Sam Lee", AT))).contains("already acknowledged");
        assertThat(IncidentAction.ACKNOWLEDGE.onDigest()).isFalse();
    }

    @Test
    void theEscalateButtonBecomesAnEscalateCommandByTheSlackUser() {
        Actor alex = Actor.slackUser("U0ALEX", "alex");

        assertThat(IncidentAction.ofActionId("incident_escalate").orElseThrow().command("inc-1", alex, AT))
                .isEqualTo(new EscalateIncident("inc-1", alex, AT));
        assertThat(IncidentAction.ofActionId("incident_snooze")).isEmpty();
    }
}
