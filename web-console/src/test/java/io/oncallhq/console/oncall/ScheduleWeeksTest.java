package io.oncallhq.console.oncall;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScheduleWeeksTest {

    private static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");
    private static final Instant TWO_WEEKS = Instant.parse("2026-12-21T08:00:00Z");
    private static final OnCall.Schedule PRIMARY = new OnCall.Schedule("primary", "Primary", "Europe/Berlin", List.of());

    @Test
    void theStretchesBetweenShiftsAreTheCoverageGaps() {
        OnCall.ScheduleWeeks weeks = OnCall.ScheduleWeeks.of(PRIMARY, List.of(
                shift("alex", "2026-12-07T00:00:00Z", "2026-12-10T00:00:00Z"),
                shift("kim", "2026-12-11T00:00:00Z", "2026-12-21T08:00:00Z")), NOW, TWO_WEEKS, "feed");

        assertThat(weeks.onCallNow()).isEqualTo("alex");
        assertThat(weeks.gaps()).containsExactly(new OnCall.Gap(Instant.parse("2026-12-10T00:00:00Z"),
                Instant.parse("2026-12-11T00:00:00Z")));
    }

    @Test
    void aScheduleWithNobodyNowHasAGapFromNow() {
        OnCall.ScheduleWeeks weeks = OnCall.ScheduleWeeks.of(PRIMARY, List.of(
                shift("kim", "2026-12-08T00:00:00Z", "2026-12-21T08:00:00Z")), NOW, TWO_WEEKS, "feed");

        assertThat(weeks.onCallNow()).isNull();
        assertThat(weeks.gaps()).containsExactly(new OnCall.Gap(NOW, Instant.parse("2026-12-08T00:00:00Z")));
    }

    @Test
    void aLevelPagesItsNamedRespondersAndWhoeverItsSchedulesHaveOnCall() {
        OnCall.ScheduleWeeks weeks = OnCall.ScheduleWeeks.of(PRIMARY, List.of(
                shift("alex", "2026-12-07T00:00:00Z", "2026-12-21T08:00:00Z")), NOW, TWO_WEEKS, "feed");
        OnCall.TechnicalService checkout = new OnCall.TechnicalService("checkout-api", "Checkout API", "payments",
                List.of(new OnCall.Level(1, List.of(), 0, List.of("primary")),
                        new OnCall.Level(2, List.of("sam"), 15, List.of()),
                        new OnCall.Level(3, List.of(), 30, List.of("deleted-schedule"))));

        OnCall.ServiceNow now = OnCall.ServiceNow.of(checkout, List.of(weeks));

        assertThat(now.levels()).extracting(OnCall.LevelNow::onCall)
                .containsExactly(List.of("alex"), List.of("sam"), List.of());
    }

    private static OnCall.Shift shift(String responder, String start, String end) {
        return new OnCall.Shift(responder, Instant.parse(start), Instant.parse(end));
    }
}
