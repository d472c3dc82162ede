package io.oncallhq.postmortem.change;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ChangeWindowTest {

    private static final Instant STARTED = Instant.parse("2026-11-20T09:58:00Z");
    private static final Instant RESOLVED = Instant.parse("2026-11-20T10:28:00Z");
    private static final Duration DAY = Duration.ofHours(24);

    @Test
    void itOpensTheLookbackBeforeTheStartAndClosesAtTheResolutionBothEndsIncluded() {
        ChangeWindow window = ChangeWindow.of(STARTED, RESOLVED, DAY).orElseThrow();

        assertThat(window.contains(STARTED.minus(DAY))).isTrue();
        assertThat(window.contains(STARTED.minus(Duration.ofMinutes(10)))).isTrue();
        assertThat(window.contains(STARTED.plus(Duration.ofMinutes(5)))).isTrue();
        assertThat(window.contains(RESOLVED)).isTrue();
    }

    @Test
    void changesOlderThanTheLookbackOrAfterTheResolutionAreOutside() {
        ChangeWindow window = ChangeWindow.of(STARTED, RESOLVED, DAY).orElseThrow();

        assertThat(window.contains(STARTED.minus(DAY).minusMillis(1))).isFalse();
        assertThat(window.contains(RESOLVED.plusMillis(1))).isFalse();
    }

    @Test
    void aShorterLookbackLeavesOutWhatALongerOneListed() {
        Instant twoHoursBefore = STARTED.minus(Duration.ofHours(2));

        assertThat(ChangeWindow.of(STARTED, RESOLVED, DAY).orElseThrow().contains(twoHoursBefore)).isTrue();
        assertThat(ChangeWindow.of(STARTED, RESOLVED, Duration.ofHours(1)).orElseThrow().contains(twoHoursBefore))
                .isFalse();
    }

    @Test
    void thereIsNoWindowBeforeTheStartAndTheResolutionAreKnown() {
        assertThat(ChangeWindow.of(null, RESOLVED, DAY)).isEmpty();
        assertThat(ChangeWindow.of(STARTED, null, DAY)).isEmpty();
    }
}
