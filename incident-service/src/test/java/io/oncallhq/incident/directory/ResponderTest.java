package io.oncallhq.incident.directory;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ResponderTest {

    private static final List<DayOfWeek> WEEKDAYS = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

    @Test
    void withoutContactRulesAResponderIsReachedBySlackThenEmail() {
        Responder alex = new Responder("alex", "Alex Rivera", "alex@example.com", "Europe/Berlin", "U0ALEX");

        assertThat(alex.contactMethods()).containsExactly(new ContactRule("slack", "U0ALEX"),
                new ContactRule("email", "alex@example.com"));
    }

    @Test
    void withoutASlackUserIdTheDefaultIsEmailAlone() {
        Responder alex = new Responder("alex", "Alex Rivera", "alex@example.com", "Europe/Berlin", null);

        assertThat(alex.contactMethods()).containsExactly(new ContactRule("email", "alex@example.com"));
    }

    @Test
    void declaredContactRulesAreFollowedInTheirOrder() {
        List<ContactRule> rules = List.of(new ContactRule("webhook", "https://pager.example.com/alex"),
                new ContactRule("slack", "U0ALEX"));
        Responder alex = new Responder("alex", "Alex Rivera", "alex@example.com", "Europe/Berlin", "U0ALEX", rules,
                null);

        assertThat(alex.contactMethods()).isEqualTo(rules);
    }

    @Test
    void workingHoursAreReadInTheRespondersOwnZoneAlsoAfterTheClocksChange() {
        Responder berlin = officeHours("Europe/Berlin", LocalTime.of(9, 0), LocalTime.of(17, 0));

        // Thursday 26 March 2026 is CET (UTC+1), Monday 30 March CEST (UTC+2): 09:00 local either way
        assertThat(berlin.isWithinWorkingHours(Instant.parse("2026-03-26T07:59:00Z"))).isFalse();
        assertThat(berlin.isWithinWorkingHours(Instant.parse("2026-03-26T08:00:00Z"))).isTrue();
        assertThat(berlin.isWithinWorkingHours(Instant.parse("2026-03-30T06:59:00Z"))).isFalse();
        assertThat(berlin.isWithinWorkingHours(Instant.parse("2026-03-30T07:00:00Z"))).isTrue();
        assertThat(berlin.isWithinWorkingHours(Instant.parse("2026-03-30T15:00:00Z"))).isFalse();
    }

    @Test
    void aPageOnTheWeekendIsOutsideWeekdayWorkingHours() {
        Responder newYork = officeHours("America/New_York", LocalTime.of(9, 0), LocalTime.of(17, 0));

        assertThat(newYork.isWithinWorkingHours(Instant.parse("2026-03-28T15:00:00Z"))).isFalse();
    }

    @Test
    void aNightShiftRunsPastMidnightAndCountsForTheDayItStarts() {
        Responder nights = officeHours("UTC", LocalTime.of(22, 0), LocalTime.of(6, 0));

        assertThat(nights.isWithinWorkingHours(Instant.parse("2026-03-27T23:00:00Z"))).isTrue();  // Friday night
        assertThat(nights.isWithinWorkingHours(Instant.parse("2026-03-28T05:00:00Z"))).isTrue();  // its Saturday end
        assertThat(nights.isWithinWorkingHours(Instant.parse("2026-03-28T23:00:00Z"))).isFalse(); // Saturday night
        assertThat(nights.isWithinWorkingHours(Instant.parse("2026-03-30T05:00:00Z"))).isFalse(); // Sunday's end
    }

    @Test
    void withoutDeclaredWorkingHoursNoPageCountsAsOutsideThem() {
        Responder alex = new Responder("alex", "Alex Rivera", "alex@example.com", "Europe/Berlin", "U0ALEX");

        assertThat(alex.isWithinWorkingHours(Instant.parse("2026-03-29T03:00:00Z"))).isTrue();
    }

    private static Responder officeHours(String zone, LocalTime start, LocalTime end) {
        return new Responder("r", "R", "r@example.com", zone, null, List.of(), new WorkingHours(WEEKDAYS, start, end));
    }
}
