package io.oncallhq.notification.paging;

import io.oncallhq.contracts.Severity;
import io.oncallhq.contracts.page.PageTarget;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SendingOrderTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final Duration SLACK_PACE = Duration.ofMillis(1100);

    private final SendingOrder order = new SendingOrder();

    @Test
    void aCriticalPageGoesBeforeOlderLessUrgentOnes() {
        Page oldWarning = page("warning-old", Severity.WARNING, NOW.minusSeconds(60));
        Page error = page("error", Severity.ERROR, NOW.minusSeconds(30));
        Page newCritical = page("critical-new", Severity.CRITICAL, NOW);

        assertThat(order.next(List.of(oldWarning, error, newCritical))).contains(newCritical);
        assertThat(order.next(List.of(oldWarning, error))).contains(error);
    }

    @Test
    void amongEquallyUrgentPagesTheOldestGoesFirst() {
        Page older = page("older", Severity.ERROR, NOW.minusSeconds(5));
        Page newer = page("newer", Severity.ERROR, NOW);

        assertThat(order.next(List.of(newer, older))).contains(older);
    }

    @Test
    void aPageWithoutSeverityGoesAfterEveryOther() {
        Page unknown = page("unknown", null, NOW.minusSeconds(60));
        Page info = page("info", Severity.INFO, NOW);

        assertThat(order.next(List.of(unknown, info))).contains(info);
    }

    @Test
    void nothingWaitingSendsNothing() {
        assertThat(order.next(List.of())).isEmpty();
    }

    @Test
    void aDestinationsNextMessageWaitsOnePaceAfterItsPreviousOne() {
        assertThat(order.turn(null, SLACK_PACE, NOW)).isEqualTo(NOW);
        assertThat(order.turn(NOW.minusMillis(100), SLACK_PACE, NOW)).isEqualTo(NOW.plusMillis(1000));
        assertThat(order.turn(NOW.minusSeconds(5), SLACK_PACE, NOW)).isEqualTo(NOW);
        assertThat(order.turn(NOW.minusMillis(100), Duration.ZERO, NOW)).isEqualTo(NOW);
    }

    static Page page(String pageId, Severity severity, Instant requestedAt) {
        return new Page(pageId, "inc-" + pageId, 1, "Checkout latency high", severity, "checkout-api", "Checkout API",
                1, "http://localhost:8082/incidents/inc-" + pageId,
                new PageTarget("alex", "Alex Rivera", null, "U0DEMO0001"), requestedAt, List.of());
    }
}
