package io.oncallhq.incident.schedule;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ICalendarExportTest {

    private static final Instant FROM = Instant.parse("2026-03-27T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-03-31T00:00:00Z");
    private static final Schedule BERLIN_DAILY = new Schedule("berlin-daily", "Berlin, daily", "Europe/Berlin",
            List.of(new RotationLayer("daily", List.of("alex", "blake"), 1, ShiftUnit.DAYS, LocalTime.of(9, 0),
                    LocalDate.of(2026, 3, 1))), List.of());

    @Test
    void shiftsAcrossSpringForwardStartAtNineLocalWithTheZonesTransitionInVtimezone() {
        String ics = ICalendarExport.of(BERLIN_DAILY, BERLIN_DAILY.shiftsBetween(FROM, TO), FROM, TO, FROM);
        List<String> lines = ics.lines().toList();

        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(lines).containsSubsequence("BEGIN:VTIMEZONE", "TZID:Europe/Berlin",
                "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "END:STANDARD",
                "BEGIN:DAYLIGHT", "DTSTART:20260329T020000", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "END:DAYLIGHT",
                "END:VTIMEZONE");
        assertThat(lines).contains("DTSTART;TZID=Europe/Berlin:20260328T090000",
                "DTSTART;TZID=Europe/Berlin:20260329T090000", "DTEND;TZID=Europe/Berlin:20260330T090000");
        assertThat(lines).contains("X-WR-CALNAME:Berlin\\, daily");
        assertThat(lines.stream().filter(line -> line.equals("BEGIN:VEVENT"))).hasSize(5);
    }
}
