package io.oncallhq.incident.lifecycle;

import io.oncallhq.contracts.Actor;
import io.oncallhq.contracts.incident.IncidentEscalated;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.oncallhq.incident.lifecycle.IncidentFixtures.ALEX;
import static io.oncallhq.incident.lifecycle.IncidentFixtures.OPENED_AT;
import static io.oncallhq.incident.lifecycle.IncidentFixtures.triggeredIncident;
import static org.assertj.core.api.Assertions.assertThat;

class EscalationDueTest {

    private static final Instant DUE = OPENED_AT.plusSeconds(900);
    private static final EscalationStep LEVEL_TWO = new EscalationStep(2, 1, DUE);

    @Test
    void theStepTheIncidentWaitsForIsPaged() {
        Incident incident = waitingForLevelTwo();

        assertThat(incident.escalationDue(2, 1, 0, DUE)).isEqualTo(Incident.EscalationDue.PAGE);
        assertThat(incident.nextEscalation()).isNull();
    }

    @Test
    void aTimerFiredTwiceFindsNothingToDoTheSecondTime() {
        Incident incident = waitingForLevelTwo();
        incident.escalationDue(2, 1, 0, DUE);
        incident.escalate(2, 1, Actor.system("escalation"), "not acknowledged within 15 min", DUE);

        assertThat(incident.escalationDue(2, 1, 0, DUE.plusSeconds(1))).isEqualTo(Incident.EscalationDue.STALE);
        assertThat(incident.timeline()).filteredOn(entry -> entry.kind().equals("escalated")).hasSize(1);
    }

    @Test
    void aTimerOvertakenByAnotherStepIsStale() {
        Incident incident = waitingForLevelTwo();

        assertThat(incident.escalationDue(3, 1, 0, DUE)).isEqualTo(Incident.EscalationDue.STALE);
        assertThat(incident.escalationDue(2, 2, 0, DUE)).isEqualTo(Incident.EscalationDue.STALE);
        assertThat(incident.nextEscalation()).isEqualTo(LEVEL_TWO);
    }

    @Test
    void anAcknowledgedIncidentIsNotPagedAndTheTimelineSaysWhoAcknowledgedWhen() {
        Incident incident = waitingForLevelTwo();
        incident.acknowledge(ALEX, Instant.parse("2026-11-22T10:02:00Z"));

        assertThat(incident.escalationDue(2, 1, 0, DUE)).isEqualTo(Incident.EscalationDue.SKIPPED);
        assertThat(incident.timeline()).last().extracting(TimelineEntry::text)
                .isEqualTo("Level 2 not paged: acknowledged by Alex Rivera at 10:02 UTC");
        assertThat(incident.escalationDue(2, 1, 0, DUE)).isEqualTo(Incident.EscalationDue.STALE);
    }

    @Test
    void aResolvedIncidentIsNotPaged() {
        Incident incident = waitingForLevelTwo();
        incident.resolve(ALEX, "fixed", Instant.parse("2026-11-22T10:05:00Z"));

        assertThat(incident.escalationDue(2, 1, 0, DUE)).isEqualTo(Incident.EscalationDue.SKIPPED);
        assertThat(incident.timeline()).last().extracting(TimelineEntry::text)
                .isEqualTo("Level 2 not paged: resolved by Alex Rivera at 10:05 UTC");
    }

    @Test
    void aTimerEscalationSaysWhyAndRecordsTheRound() {
        Incident incident = waitingForLevelTwo();

        var events = incident.escalate(1, 2, Actor.system("escalation"), "not acknowledged within 15 min", DUE);

        assertThat(events).singleElement().isInstanceOfSatisfying(IncidentEscalated.class, escalated -> {
            assertThat(escalated.level()).isEqualTo(1);
            assertThat(escalated.reason()).isEqualTo("not acknowledged within 15 min");
        });
        assertThat(incident.escalationRound()).isEqualTo(2);
        assertThat(incident.timeline()).last().extracting(TimelineEntry::text)
                .isEqualTo("Escalated to level 1 (round 2): not acknowledged within 15 min");
    }

    private static Incident waitingForLevelTwo() {
        Incident incident = triggeredIncident();
        incident.scheduleEscalation(LEVEL_TWO);
        return incident;
    }
}
