package io.oncallhq.incident.silence;

import io.oncallhq.contracts.Actor;
import io.oncallhq.incident.silence.LabelMatcher.Operator;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SilenceTest {

    private static final Instant START = Instant.parse("2026-11-22T10:00:00Z");
    private static final Instant END = Instant.parse("2026-11-22T12:00:00Z");
    private static final Map<String, String> PROD_DB = Map.of("env", "prod", "component", "db-primary");

    @Test
    void aSilenceCoversAlertsMatchingEveryMatcherOnlyWhileItRuns() {
        Silence silence = silence(null, new LabelMatcher("env", Operator.EQUAL, "prod"),
                new LabelMatcher("component", Operator.REGEX, "db-.*"));

        assertThat(silence.appliesTo("checkout-api", PROD_DB, START)).isTrue();
        assertThat(silence.appliesTo("checkout-api", Map.of("env", "prod", "component", "web"), START)).isFalse();
        assertThat(silence.appliesTo("checkout-api", PROD_DB, START.minusSeconds(1))).isFalse();
        assertThat(silence.appliesTo("checkout-api", PROD_DB, END)).isFalse();
        assertThat(silence.state(END)).isEqualTo(Silence.State.EXPIRED);
    }

    @Test
    void aRegexMustMatchTheWholeValueAndNotEqualMatchesAMissingLabel() {
        assertThat(new LabelMatcher("component", Operator.REGEX, "db").matches(PROD_DB)).isFalse();
        assertThat(new LabelMatcher("region", Operator.NOT_EQUAL, "eu").matches(PROD_DB)).isTrue();
        assertThat(new LabelMatcher("env", Operator.NOT_EQUAL, "prod").matches(PROD_DB)).isFalse();
    }

    @Test
    void aServiceSilenceWithoutMatchersIsAMaintenanceWindowForThatServiceOnly() {
        Silence window = silence("checkout-api");

        assertThat(window.appliesTo("checkout-api", Map.of(), START)).isTrue();
        assertThat(window.appliesTo("payments-api", Map.of(), START)).isFalse();
        assertThat(window.reason()).isEqualTo("Not paged: maintenance window \"db upgrade\" until 2026-11-22 12:00 UTC");
    }

    @Test
    void endingASilenceEarlyStopsItNow() {
        Instant now = START.plusSeconds(60);

        assertThat(silence("checkout-api").endedAt(now).state(now)).isEqualTo(Silence.State.EXPIRED);
    }

    private static Silence silence(String serviceId, LabelMatcher... matchers) {
        return new Silence("silence-1", "db upgrade", serviceId, List.of(matchers), START, END, Actor.system("test"),
                START);
    }
}
