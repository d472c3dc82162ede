package io.oncallhq.incident.change;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ChangeWindowTest {

    private static final Duration DAY = Duration.ofHours(24);
    private static final Instant TRIGGERED = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void aPageShowsTheChangesFromTheLookbackBeforeTheTriggerUntilThePage() {
        Instant escalatedAt = TRIGGERED.plus(Duration.ofMinutes(15));

        ChangeWindow window = ChangeWindow.forPage(TRIGGERED, DAY, escalatedAt);

        assertThat(window).isEqualTo(new ChangeWindow(Instant.parse("2026-11-30T10:00:00Z"), escalatedAt));
    }

    @Test
    void anOpenIncidentShowsTheChangesUntilNow() {
        Instant now = TRIGGERED.plus(Duration.ofHours(3));

        assertThat(ChangeWindow.forIncident(TRIGGERED, null, DAY, now).to()).isEqualTo(now);
    }

    @Test
    void aResolvedIncidentShowsNoChangeMadeAfterItResolved() {
        Instant resolvedAt = TRIGGERED.plus(Duration.ofMinutes(40));

        ChangeWindow window = ChangeWindow.forIncident(TRIGGERED, resolvedAt, DAY, resolvedAt.plus(DAY));

        assertThat(window).isEqualTo(new ChangeWindow(TRIGGERED.minus(DAY), resolvedAt));
    }
}
