package io.oncallhq.incident.schedule;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shifts never overlap and leave no gap, in zones with DST (spring forward and fall back both fall inside every
 * generated window, which spans a whole year around the layer's start).
 */
class ShiftPropertiesTest {

    private static final List<String> ZONES = List.of("Europe/Berlin", "America/New_York", "Australia/Sydney");

    @Property(tries = 300)
    void aLayersShiftsFollowEachOtherWithoutGapOrOverlap(@ForAll("layers") RotationLayer layer,
                                                         @ForAll("zones") ZoneId zone,
                                                         @ForAll("windowStartDays") int windowStartDay) {
        Instant from = layer.start(zone).plusSeconds(windowStartDay * 86_400L);
        Instant to = from.plusSeconds(400L * 86_400);

        List<Shift> shifts = layer.shiftsBetween(from, to, zone);

        assertThat(shifts).isNotEmpty();
        assertThat(shifts.getFirst().start()).isBeforeOrEqualTo(from.isBefore(layer.start(zone)) ? layer.start(zone) : from);
        assertThat(shifts.getLast().end()).isAfterOrEqualTo(to);
        for (int i = 0; i < shifts.size(); i++) {
            Shift shift = shifts.get(i);
            assertThat(shift.start()).isBefore(shift.end());
            if (i > 0) {
                assertThat(shift.start()).isEqualTo(shifts.get(i - 1).end());
            }
        }
    }

    @Property(tries = 300)
    void dailyAndWeeklyHandoffsKeepTheirLocalTimeWhereThatTimeExists(@ForAll("layers") RotationLayer layer,
                                                                      @ForAll("zones") ZoneId zone) {
        Instant from = layer.start(zone);
        for (Shift shift : layer.shiftsBetween(from, from.plusSeconds(400L * 86_400), zone)) {
            ZonedDateTime handoff = shift.start().atZone(zone);
            LocalTime wanted = layer.handoffTime();
            boolean exists = !zone.getRules().getValidOffsets(handoff.toLocalDate().atTime(wanted)).isEmpty();
            if (layer.unit() != ShiftUnit.HOURS && exists) {
                assertThat(handoff.toLocalTime()).isEqualTo(wanted);
            }
        }
    }

    @Property(tries = 300)
    void whoIsOnCallAtAnInstantIsWhoHoldsTheShiftContainingIt(@ForAll("layers") RotationLayer layer,
                                                              @ForAll("zones") ZoneId zone,
                                                              @ForAll("offsetsInMinutes") long minutes) {
        Schedule schedule = new Schedule("s", "S", zone.getId(), List.of(layer), List.of());
        Instant at = layer.start(zone).plusSeconds(minutes * 60);

        List<Shift> around = schedule.shiftsBetween(at.minusSeconds(86_400L * 30), at.plusSeconds(86_400L * 30));

        Shift holding = around.stream().filter(shift -> !shift.start().isAfter(at) && shift.end().isAfter(at))
                .findFirst().orElseThrow();
        assertThat(schedule.onCallAt(at)).contains(holding.responderId());
    }

    @Property(tries = 200)
    void aScheduleWithAnOverrideCoversTheWholeWindowOnceAndTheOverrideHoldsItsTime(@ForAll("layers") RotationLayer layer,
                                                             @ForAll("zones") ZoneId zone,
                                                             @ForAll("offsetsInMinutes") long overrideStart,
                                                             @ForAll("durationsInMinutes") long overrideLength) {
        Instant start = layer.start(zone);
        ScheduleOverride cover = new ScheduleOverride("cover", start.plusSeconds(overrideStart * 60),
                start.plusSeconds((overrideStart + overrideLength) * 60));
        Schedule schedule = new Schedule("s", "S", zone.getId(), List.of(layer), List.of(cover));
        Instant to = start.plusSeconds(400L * 86_400);

        List<Shift> shifts = schedule.shiftsBetween(start, to);

        assertThat(shifts.getFirst().start()).isEqualTo(start);
        assertThat(shifts.getLast().end()).isEqualTo(to);
        for (int i = 1; i < shifts.size(); i++) {
            assertThat(shifts.get(i).start()).isEqualTo(shifts.get(i - 1).end());
        }
        Instant covered = cover.start().plus(Duration.between(cover.start(), cover.end()).dividedBy(2));
        if (covered.isBefore(to)) {
            assertThat(schedule.onCallAt(covered)).as("the override's responder is on call during it").hasValue("cover");
            assertThat(shifts).filteredOn(shift -> !shift.start().isAfter(covered) && shift.end().isAfter(covered))
                    .singleElement().extracting(Shift::responderId).isEqualTo("cover");
        }
    }

    @Provide
    Arbitrary<RotationLayer> layers() {
        Arbitrary<List<String>> participants = Arbitraries.of("alex", "blake", "casey", "dana")
                .list().ofMinSize(1).ofMaxSize(4);
        Arbitrary<ShiftUnit> units = Arbitraries.of(ShiftUnit.class);
        Arbitrary<Integer> lengths = Arbitraries.integers().between(1, 3);
        // 02:00-03:00 is where the clocks jump, so it is over-represented
        Arbitrary<LocalTime> handoffs = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 23 * 4 + 3).map(quarter -> LocalTime.of(quarter / 4, quarter % 4 * 15)),
                Arbitraries.integers().between(0, 59).map(minute -> LocalTime.of(2, minute)));
        Arbitrary<LocalDate> starts = Arbitraries.integers().between(0, 3 * 365)
                .map(day -> LocalDate.of(2025, 1, 1).plusDays(day));
        return Combinators.combine(participants, lengths, units, handoffs, starts)
                .as((names, length, unit, handoff, start) -> new RotationLayer("layer", names, length, unit, handoff, start));
    }

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of(ZONES).map(ZoneId::of);
    }

    @Provide
    Arbitrary<Integer> windowStartDays() {
        return Arbitraries.integers().between(-30, 400);
    }

    @Provide
    Arbitrary<Long> offsetsInMinutes() {
        return Arbitraries.longs().between(0, 400L * 24 * 60);
    }

    @Provide
    Arbitrary<Long> durationsInMinutes() {
        return Arbitraries.longs().between(1, 10L * 24 * 60);
    }
}
