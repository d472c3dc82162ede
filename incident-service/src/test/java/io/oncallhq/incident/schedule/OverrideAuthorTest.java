package io.oncallhq.incident.schedule;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A schedule is written whole, yet each override stays credited to whoever added it first. */
class OverrideAuthorTest {

    private static final Instant NIGHT = Instant.parse("2026-11-22T02:00:00Z");
    private static final Instant MORNING = Instant.parse("2026-11-22T06:00:00Z");
    private static final Instant EVENING = Instant.parse("2026-11-22T18:00:00Z");
    private static final Instant MONDAY = Instant.parse("2026-11-23T09:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-11-24T09:00:00Z");

    @Test
    void aNewOverrideIsCreditedToTheWriterAndTheOnCallAnswerSaysWhoAddedIt() {
        Schedule written = schedule(new ScheduleOverride("blake", NIGHT, MORNING))
                .creditingNewOverrides(Optional.empty(), "Dana Kim", MONDAY);

        assertThat(written.overrides()).containsExactly(new ScheduleOverride("blake", NIGHT, MORNING, "Dana Kim", MONDAY));
        assertThat(written.whoIsOnCallAt(NIGHT.plusSeconds(60))).get().extracting(OnCall::overrideBy)
                .isEqualTo("Dana Kim");
    }

    @Test
    void rewritingTheScheduleKeepsTheAuthorOfEveryOverrideItAlreadyHad() {
        Schedule first = schedule(new ScheduleOverride("blake", NIGHT, MORNING))
                .creditingNewOverrides(Optional.empty(), "Dana Kim", MONDAY);

        Schedule second = schedule(new ScheduleOverride("blake", NIGHT, MORNING),
                new ScheduleOverride("sam", MORNING, EVENING))
                .creditingNewOverrides(Optional.of(first), "config-ci", TUESDAY);

        assertThat(second.overrides()).containsExactly(
                new ScheduleOverride("blake", NIGHT, MORNING, "Dana Kim", MONDAY),
                new ScheduleOverride("sam", MORNING, EVENING, "config-ci", TUESDAY));
    }

    @Test
    void anOverrideWhoseWindowChangedIsANewOverrideOfTheWriter() {
        Schedule first = schedule(new ScheduleOverride("blake", NIGHT, MORNING))
                .creditingNewOverrides(Optional.empty(), "Dana Kim", MONDAY);

        Schedule moved = schedule(new ScheduleOverride("blake", NIGHT, EVENING))
                .creditingNewOverrides(Optional.of(first), "Sam Okafor", TUESDAY);

        assertThat(moved.overrides()).singleElement().extracting(ScheduleOverride::addedBy).isEqualTo("Sam Okafor");
    }

    @Test
    void aShiftOfALayerHasNoOverrideAuthor() {
        Schedule layered = new Schedule("s", "Payments primary", "UTC", List.of(new RotationLayer("Weekly",
                List.of("alex"), 1, ShiftUnit.WEEKS, LocalTime.of(9, 0),
                LocalDate.parse("2026-11-16"))), List.of());

        assertThat(layered.whoIsOnCallAt(NIGHT)).get().extracting(OnCall::overrideBy).isNull();
    }

    private static Schedule schedule(ScheduleOverride... overrides) {
        return new Schedule("payments-primary", "Payments primary", "UTC", List.of(), List.of(overrides));
    }
}
