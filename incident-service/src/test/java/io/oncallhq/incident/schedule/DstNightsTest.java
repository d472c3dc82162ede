package io.oncallhq.incident.schedule;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The exact DST nights of 2026 in Berlin (29 March, 25 October) and New York (8 March, 1 November). */
class DstNightsTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void aDailyNineOClockHandoffInBerlinStaysAtNineAndTheSpringForwardShiftLasts23Hours() {
        RotationLayer daily = daily(LocalTime.of(9, 0), LocalDate.of(2026, 3, 1));

        List<Shift> shifts = daily.shiftsBetween(at(BERLIN, "2026-03-28T10:00"), at(BERLIN, "2026-03-30T10:00"), BERLIN);

        assertThat(shifts).extracting(shift -> shift.start().atZone(BERLIN).toLocalTime())
                .containsOnly(LocalTime.of(9, 0));
        assertThat(Duration.between(shifts.get(0).start(), shifts.get(0).end())).isEqualTo(Duration.ofHours(23));
        assertThat(shifts.get(0).end()).isEqualTo(Instant.parse("2026-03-29T07:00:00Z"));
    }

    @Test
    void theBerlinFallBackShiftLasts25Hours() {
        RotationLayer daily = daily(LocalTime.of(9, 0), LocalDate.of(2026, 10, 1));

        Shift shift = daily.shiftAt(at(BERLIN, "2026-10-24T12:00"), BERLIN).orElseThrow();

        assertThat(shift.start()).isEqualTo(Instant.parse("2026-10-24T07:00:00Z"));
        assertThat(shift.end()).isEqualTo(Instant.parse("2026-10-25T08:00:00Z"));
    }

    @Test
    void newYorkSpringForwardAndFallBackKeepNineOClockHandoffs() {
        RotationLayer daily = daily(LocalTime.of(9, 0), LocalDate.of(2026, 1, 5));

        Shift march = daily.shiftAt(at(NEW_YORK, "2026-03-07T20:00"), NEW_YORK).orElseThrow();
        Shift november = daily.shiftAt(at(NEW_YORK, "2026-10-31T20:00"), NEW_YORK).orElseThrow();

        assertThat(march.start()).isEqualTo(Instant.parse("2026-03-07T14:00:00Z"));
        assertThat(march.end()).isEqualTo(Instant.parse("2026-03-08T13:00:00Z"));
        assertThat(november.start()).isEqualTo(Instant.parse("2026-10-31T13:00:00Z"));
        assertThat(november.end()).isEqualTo(Instant.parse("2026-11-01T14:00:00Z"));
    }

    @Test
    void aHandoffInsideTheSpringForwardGapMovesForwardByTheGapThatNightOnly() {
        RotationLayer daily = daily(LocalTime.of(2, 30), LocalDate.of(2026, 3, 1));

        Shift gapNight = daily.shiftAt(Instant.parse("2026-03-29T05:00:00Z"), BERLIN).orElseThrow();
        Shift nextNight = daily.shiftAt(gapNight.end(), BERLIN).orElseThrow();

        assertThat(gapNight.start().atZone(BERLIN).toLocalTime()).isEqualTo(LocalTime.of(3, 30));
        assertThat(nextNight.start().atZone(BERLIN).toLocalTime()).isEqualTo(LocalTime.of(2, 30));
    }

    @Test
    void participantsTakeTurnsInOrderAndAnOverrideCoversItsWindow() {
        RotationLayer weekly = new RotationLayer("primary", List.of("alex", "blake"), 1, ShiftUnit.WEEKS,
                LocalTime.of(9, 0), LocalDate.of(2026, 10, 19));
        Schedule schedule = new Schedule("payments", "Payments primary", "Europe/Berlin", List.of(weekly),
                List.of(new ScheduleOverride("casey", at(BERLIN, "2026-10-27T12:00"), at(BERLIN, "2026-10-27T18:00"))));

        assertThat(schedule.onCallAt(at(BERLIN, "2026-10-20T12:00"))).contains("alex");
        assertThat(schedule.onCallAt(at(BERLIN, "2026-10-26T09:00"))).contains("blake");
        assertThat(schedule.onCallAt(at(BERLIN, "2026-10-27T13:00"))).contains("casey");
        assertThat(schedule.onCallAt(at(BERLIN, "2026-11-02T09:00"))).contains("alex");
        assertThat(schedule.onCallAt(at(BERLIN, "2026-10-19T08:59"))).isEmpty();
        assertThat(schedule.shiftsBetween(at(BERLIN, "2026-10-26T09:00"), at(BERLIN, "2026-10-28T09:00")))
                .extracting(Shift::responderId).containsExactly("blake", "casey", "blake");
    }

    private static RotationLayer daily(LocalTime handoff, LocalDate start) {
        return new RotationLayer("daily", List.of("alex", "blake", "casey"), 1, ShiftUnit.DAYS, handoff, start);
    }

    private static Instant at(ZoneId zone, String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), zone).toInstant();
    }
}
