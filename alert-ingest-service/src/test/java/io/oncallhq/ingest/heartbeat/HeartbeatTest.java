package io.oncallhq.ingest.heartbeat;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class HeartbeatTest {

    private static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");

    @Test
    void theFirstPingIsDueWithinIntervalAndGraceOfTheStart() {
        assertThat(everyFiveMinutes().dueAt()).isEqualTo(NOW.plus(Duration.ofMinutes(6)));
    }

    @Test
    void raisingTheSameEpisodeAgainGivesTheSameEventIdAndANewEpisodeANewOne() {
        Heartbeat missed = everyFiveMinutes();
        Heartbeat missedAgainLater = missed.pinged(NOW.plusSeconds(60));

        assertThat(missed.overdueEventId()).isEqualTo(everyFiveMinutes().overdueEventId());
        assertThat(missedAgainLater.overdueEventId()).isNotEqualTo(missed.overdueEventId());
        assertThat(missed.recoveredEventId()).isNotEqualTo(missed.overdueEventId());
    }

    @Test
    void aPingClearsOverdueAndMovesTheDueTime() {
        Heartbeat pinged = everyFiveMinutes().markedOverdue().pinged(NOW.plusSeconds(600));

        assertThat(pinged.overdue()).isFalse();
        assertThat(pinged.dueAt()).isEqualTo(NOW.plusSeconds(600).plus(Duration.ofMinutes(6)));
    }

    @Test
    void anOverdueHeartbeatKeepsTheDueTimeItMissedSoItsResolveIdIsStable() {
        Heartbeat overdue = everyFiveMinutes().markedOverdue();

        assertThat(overdue.resumed(NOW.plusSeconds(900)).dueAt()).isEqualTo(overdue.dueAt());
        assertThat(overdue.withSchedule(Duration.ofMinutes(1), Duration.ZERO, NOW).recoveredEventId())
                .isEqualTo(overdue.recoveredEventId());
    }

    @Test
    void everyEpisodeOfAHeartbeatSharesOneDedupKey() {
        assertThat(everyFiveMinutes().overdueAlert(NOW).dedupKey()).isEqualTo("heartbeat:v1:int_backup");
        assertThat(everyFiveMinutes().recoveredAlert(NOW).dedupKey()).isEqualTo("heartbeat:v1:int_backup");
    }

    private static Heartbeat everyFiveMinutes() {
        return Heartbeat.start("int_backup", "nightly-backup", Duration.ofMinutes(5), Duration.ofMinutes(1), NOW);
    }
}
