package io.oncallhq.incident.schedule;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GapTest {

    private static final Instant NIGHT = Instant.parse("2026-11-22T03:00:00Z");

    @Test
    void aGapRunsFromTheLastShiftsEndToTheNextShiftsStart() {
        Schedule schedule = coveredBy(
                new ScheduleOverride("alex", Instant.parse("2026-11-21T18:00:00Z"), Instant.parse("2026-11-22T02:00:00Z")),
                new ScheduleOverride("blake", Instant.parse("2026-11-22T06:00:00Z"), Instant.parse("2026-11-22T14:00:00Z")));

        assertThat(Gap.around(schedule, NIGHT))
                .isEqualTo(new Gap(Instant.parse("2026-11-22T02:00:00Z"), Instant.parse("2026-11-22T06:00:00Z")));
    }

    @Test
    void aGapWithNothingScheduledLaterHasNoEnd() {
        Schedule schedule = coveredBy(
                new ScheduleOverride("alex", Instant.parse("2026-11-21T18:00:00Z"), Instant.parse("2026-11-22T02:00:00Z")));

        assertThat(Gap.around(schedule, NIGHT)).isEqualTo(new Gap(Instant.parse("2026-11-22T02:00:00Z"), null));
    }

    @Test
    void aRotationStartingBeyondTheLookAheadLeavesTheGapOpen() {
        Schedule later = new Schedule("s", "Payments primary", "UTC", List.of(new RotationLayer("weekly",
                List.of("alex"), 1, ShiftUnit.WEEKS, LocalTime.of(9, 0), LocalDate.parse("2027-03-01"))), List.of());

        assertThat(Gap.around(later, NIGHT)).isEqualTo(new Gap(null, null));
    }

    @Test
    void aRotationStartingWithinTheLookAheadEndsTheGap() {
        Schedule soon = new Schedule("s", "Payments primary", "UTC", List.of(new RotationLayer("weekly",
                List.of("alex"), 1, ShiftUnit.WEEKS, LocalTime.of(9, 0), LocalDate.parse("2026-12-01"))), List.of());

        assertThat(Gap.around(soon, NIGHT)).isEqualTo(new Gap(null, Instant.parse("2026-12-01T09:00:00Z")));
    }

    @Test
    void gapsWithinAWindowAreEveryTimeNobodyIsOnCallClippedToIt() {
        Schedule schedule = coveredBy(
                new ScheduleOverride("alex", Instant.parse("2026-11-21T18:00:00Z"), Instant.parse("2026-11-22T02:00:00Z")),
                new ScheduleOverride("blake", Instant.parse("2026-11-22T06:00:00Z"), Instant.parse("2026-11-22T14:00:00Z")));

        assertThat(Gap.within(schedule, Instant.parse("2026-11-21T00:00:00Z"), Instant.parse("2026-11-23T00:00:00Z")))
                .containsExactly(
                        new Gap(Instant.parse("2026-11-21T00:00:00Z"), Instant.parse("2026-11-21T18:00:00Z")),
                        new Gap(Instant.parse("2026-11-22T02:00:00Z"), Instant.parse("2026-11-22T06:00:00Z")),
                        new Gap(Instant.parse("2026-11-22T14:00:00Z"), Instant.parse("2026-11-23T00:00:00Z")));
    }

    private static Schedule coveredBy(ScheduleOverride... overrides) {
        return new Schedule("payments-primary", "Payments primary", "UTC", List.of(), List.of(overrides));
    }
}
