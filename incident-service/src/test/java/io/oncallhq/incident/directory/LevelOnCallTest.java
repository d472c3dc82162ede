package io.oncallhq.incident.directory;

import io.oncallhq.contracts.Actor;
import io.oncallhq.contracts.page.PageUnroutable;
import io.oncallhq.contracts.page.PagedBecause;
import io.oncallhq.incident.schedule.Gap;
import io.oncallhq.incident.schedule.RotationLayer;
import io.oncallhq.incident.schedule.Schedule;
import io.oncallhq.incident.schedule.ScheduleOverride;
import io.oncallhq.incident.schedule.ShiftUnit;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LevelOnCallTest {

    private static final Instant NIGHT = Instant.parse("2026-11-22T03:00:00Z");
    private static final Responder KIM = new Responder("kim", "Kim Park", "kim@example.com", "UTC", null);
    private static final Responder UNREACHABLE_KIM = new Responder("kim", "Kim Park", null, "UTC", null);

    @Test
    void aScheduleWithNobodyOnCallIsAGapWithItsStartAndEnd() {
        Schedule primary = gapFromTwoToSix();

        LevelOnCall onCall = LevelOnCall.of(scheduleLevel(), Map.of(primary.id(), primary), Map.of(), NIGHT);

        assertThat(onCall.chosen()).isEmpty();
        assertThat(onCall.nobody()).contains(new Unroutable(PageUnroutable.SCHEDULE_GAP,
                "nobody on call in Payments primary from 02:00 to 06:00 UTC", "payments-primary", "Payments primary",
                new Gap(Instant.parse("2026-11-22T02:00:00Z"), Instant.parse("2026-11-22T06:00:00Z"))));
    }

    @Test
    void aGapWithNothingScheduledLaterSaysSo() {
        Schedule primary = new Schedule("payments-primary", "Payments primary", "UTC", List.of(), List.of(
                new ScheduleOverride("alex", Instant.parse("2026-11-21T18:00:00Z"), Instant.parse("2026-11-22T02:00:00Z"))));

        LevelOnCall onCall = LevelOnCall.of(scheduleLevel(), Map.of(primary.id(), primary), Map.of(), NIGHT);

        assertThat(onCall.nobody().orElseThrow().detail())
                .isEqualTo("nobody on call in Payments primary since 02:00 UTC, and nobody is scheduled later");
    }

    @Test
    void aResponderWithoutAnyWayToBeReachedIsNoContact() {
        LevelOnCall onCall = LevelOnCall.of(responderLevel("kim"), Map.of(), Map.of("kim", UNREACHABLE_KIM), NIGHT);

        assertThat(onCall.nobody()).get().extracting(Unroutable::reason, Unroutable::detail)
                .containsExactly(PageUnroutable.NO_CONTACT, "Kim Park has no way to be reached");
    }

    @Test
    void aDeletedResponderIsMissing() {
        LevelOnCall onCall = LevelOnCall.of(responderLevel("kim"), Map.of(), Map.of(), NIGHT);

        assertThat(onCall.nobody()).get().extracting(Unroutable::reason, Unroutable::detail)
                .containsExactly(PageUnroutable.RESPONDER_MISSING, "responder kim no longer exists");
    }

    @Test
    void aLevelNamingNobodyHasNoOneOnCall() {
        LevelOnCall onCall = LevelOnCall.of(new EscalationPolicy.Level(List.of(), List.of(), 5), Map.of(), Map.of(),
                NIGHT);

        assertThat(onCall.nobody()).get().extracting(Unroutable::reason)
                .isEqualTo(PageUnroutable.NO_ONE_ON_CALL);
    }

    @Test
    void oneReachableResponderIsEnoughAndTheUnreachableAreLeftOut() {
        Responder sam = new Responder("sam", "Sam Okafor", "sam@example.com", "UTC", null);

        LevelOnCall onCall = LevelOnCall.of(responderLevel("kim", "sam", "gone"), Map.of(),
                Map.of("kim", UNREACHABLE_KIM, "sam", sam), NIGHT);

        assertThat(onCall.chosen()).extracting(ChosenResponder::responder).containsExactly(sam);
        assertThat(onCall.nobody()).isEmpty();
    }

    @Test
    void whoeverIsOnCallInTheScheduleIsPaged() {
        Schedule primary = gapFromTwoToSix();

        LevelOnCall onCall = LevelOnCall.of(scheduleLevel(), Map.of(primary.id(), primary), Map.of("kim", KIM),
                Instant.parse("2026-11-22T07:00:00Z"));

        assertThat(onCall.chosen()).extracting(ChosenResponder::responder).containsExactly(KIM);
    }

    @Test
    void aResponderOnCallThroughALayerSaysWhichScheduleLayerAndShift() {
        Schedule primary = new Schedule("payments-primary", "Payments primary", "UTC", List.of(new RotationLayer(
                "Weekly", List.of("kim"), 1, ShiftUnit.WEEKS, LocalTime.of(9, 0), LocalDate.parse("2026-11-16"))),
                List.of());

        PagedBecause because = LevelOnCall.of(scheduleLevel(), Map.of(primary.id(), primary), Map.of("kim", KIM), NIGHT)
                .chosen().getFirst().because(1, null, NIGHT);

        assertThat(because).isEqualTo(new PagedBecause(PagedBecause.SCHEDULE,
                "on call in Payments primary, layer Weekly, Nov 16 09:00 – Nov 23 09:00 UTC", "payments-primary",
                "Payments primary", "Weekly", Instant.parse("2026-11-16T09:00:00Z"), Instant.parse("2026-11-23T09:00:00Z"),
                null, null, null));
    }

    @Test
    void aResponderOnCallThroughAnOverrideSaysWhomTheyStandInFor() {
        Responder sam = new Responder("sam", "Sam Okafor", "sam@example.com", "UTC", null);
        Schedule primary = new Schedule("payments-primary", "Payments primary", "UTC", List.of(new RotationLayer(
                "Weekly", List.of("kim"), 1, ShiftUnit.WEEKS, LocalTime.of(9, 0), LocalDate.parse("2026-11-16"))),
                List.of(new ScheduleOverride("sam", Instant.parse("2026-11-22T02:00:00Z"),
                        Instant.parse("2026-11-22T06:00:00Z"))));

        PagedBecause because = LevelOnCall.of(scheduleLevel(), Map.of(primary.id(), primary),
                Map.of("kim", KIM, "sam", sam), NIGHT).chosen().getFirst().because(2, Actor.responder("lee", "Lee Chen"), NIGHT);

        assertThat(because.kind()).isEqualTo(PagedBecause.OVERRIDE);
        assertThat(because.summary()).isEqualTo("override in Payments primary from 02:00 to 06:00 UTC, standing in for"
                + " Kim Park; escalated by Lee Chen");
        assertThat(because.standsInFor()).isEqualTo("kim");
    }

    @Test
    void aResponderNamedOnTheLevelIsDirect() {
        PagedBecause because = LevelOnCall.of(responderLevel("kim"), Map.of(), Map.of("kim", KIM), NIGHT)
                .chosen().getFirst().because(1, null, NIGHT);

        assertThat(because.kind()).isEqualTo(PagedBecause.DIRECT);
        assertThat(because.summary()).isEqualTo("named on level 1");
    }

    private static Schedule gapFromTwoToSix() {
        return new Schedule("payments-primary", "Payments primary", "UTC", List.of(), List.of(
                new ScheduleOverride("alex", Instant.parse("2026-11-21T18:00:00Z"), Instant.parse("2026-11-22T02:00:00Z")),
                new ScheduleOverride("kim", Instant.parse("2026-11-22T06:00:00Z"), Instant.parse("2026-11-22T14:00:00Z"))));
    }

    private static EscalationPolicy.Level scheduleLevel() {
        return new EscalationPolicy.Level(List.of(), List.of("payments-primary"), 5);
    }

    private static EscalationPolicy.Level responderLevel(String... responderIds) {
        return new EscalationPolicy.Level(List.of(responderIds), List.of(), 5);
    }
}
