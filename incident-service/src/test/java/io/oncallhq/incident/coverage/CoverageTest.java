package io.oncallhq.incident.coverage;

import io.oncallhq.contracts.page.PageUnroutable;
import io.oncallhq.incident.directory.EscalationPolicy;
import io.oncallhq.incident.directory.TechnicalService;
import io.oncallhq.incident.schedule.Schedule;
import io.oncallhq.incident.schedule.ScheduleOverride;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class CoverageTest {

    private static final Instant FROM = Instant.parse("2026-11-22T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-23T00:00:00Z");

    /** Nobody from 02:00 to 06:00. */
    private static final Schedule PRIMARY = coveredBy("primary", "Payments primary",
            new ScheduleOverride("alex", FROM, at("02:00")), new ScheduleOverride("alex", at("06:00"), TO));
    /** Nobody from 04:00 to 08:00. */
    private static final Schedule SECONDARY = coveredBy("secondary", "Payments secondary",
            new ScheduleOverride("kim", FROM, at("04:00")), new ScheduleOverride("kim", at("08:00"), TO));

    @Test
    void aLevelHasNobodyOnlyWhileEveryOneOfItsSchedulesHasNobody() {
        List<CoverageGap> gaps = Coverage.gaps(service(level(List.of(), "primary", "secondary")), schedules(), FROM, TO);

        assertThat(gaps).singleElement().satisfies(gap -> {
            assertThat(gap.level()).isEqualTo(1);
            assertThat(gap.start()).isEqualTo(at("04:00"));
            assertThat(gap.end()).isEqualTo(at("06:00"));
            assertThat(gap.reason()).isEqualTo(PageUnroutable.SCHEDULE_GAP);
            assertThat(gap.message()).isEqualTo("Checkout API, level 1: nobody on call from Nov 22 04:00 to Nov 22 06:00"
                    + " UTC (Payments primary, Payments secondary)");
        });
    }

    @Test
    void gapsAreListedByLevelAndALevelNamingAResponderHasNone() {
        List<CoverageGap> gaps = Coverage.gaps(service(level(List.of(), "secondary"), level(List.of("sam"), "primary"),
                level(List.of(), "primary")), schedules(), FROM, TO);

        assertThat(gaps).extracting(gap -> gap.level() + " " + gap.start() + " " + gap.end()).containsExactly(
                "1 2026-11-22T04:00:00Z 2026-11-22T08:00:00Z", "3 2026-11-22T02:00:00Z 2026-11-22T06:00:00Z");
    }

    @Test
    void aDeletedScheduleHasNobodyThroughoutAndIsNamedAsDeleted() {
        List<CoverageGap> gaps = Coverage.gaps(service(level(List.of(), "gone")), schedules(), FROM, TO);

        assertThat(gaps).singleElement().satisfies(gap -> {
            assertThat(gap.start()).isEqualTo(FROM);
            assertThat(gap.end()).isEqualTo(TO);
            assertThat(gap.message()).endsWith("(gone, deleted)");
        });
    }

    private static Instant at(String time) {
        return Instant.parse("2026-11-22T" + time + ":00Z");
    }

    private static Schedule coveredBy(String id, String name, ScheduleOverride... overrides) {
        return new Schedule(id, name, "UTC", List.of(), List.of(overrides));
    }

    private static Function<String, Optional<Schedule>> schedules() {
        return id -> Optional.ofNullable(Map.of(PRIMARY.id(), PRIMARY, SECONDARY.id(), SECONDARY).get(id));
    }

    private static EscalationPolicy.Level level(List<String> responderIds, String... scheduleIds) {
        return new EscalationPolicy.Level(responderIds, List.of(scheduleIds), 15);
    }

    private static TechnicalService service(EscalationPolicy.Level... levels) {
        return new TechnicalService("checkout-api", "Checkout API", "payments", new EscalationPolicy(List.of(levels)),
                true);
    }
}
