package io.oncallhq.notification.paging;

import io.oncallhq.contracts.Severity;
import io.oncallhq.contracts.page.RecentChange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PageTest {

    private static final Instant PAGED_AT = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void aChangeIsTimedFromThePage() {
        Page page = pagedAt(PAGED_AT);

        assertThat(page.whenChanged(changedBefore(Duration.ofSeconds(20)))).isEqualTo("under a minute before");
        assertThat(page.whenChanged(changedBefore(Duration.ofMinutes(10)))).isEqualTo("10 min before");
        assertThat(page.whenChanged(changedBefore(Duration.ofMinutes(125)))).isEqualTo("2 h 5 min before");
        assertThat(page.whenChanged(changedBefore(Duration.ofHours(3)))).isEqualTo("3 h before");
        assertThat(page.whenChanged(changedBefore(Duration.ofHours(50)))).isEqualTo("2 days before");
        assertThat(page.whenChanged(changedBefore(Duration.ofMinutes(-2)))).isEqualTo("2 min after");
    }

    @Test
    void aChangeOfAPageWithoutItsOwnTimeShowsTheUtcTime() {
        assertThat(pagedAt(null).whenChanged(changedBefore(Duration.ofMinutes(10))))
                .isEqualTo("at 2026-12-01 09:50 UTC");
    }

    @Test
    void aChangeIsDescribedAsWhenWhatAndWhere() {
        Page page = pagedAt(PAGED_AT);

        assertThat(page.describe(changedBefore(Duration.ofMinutes(10))))
                .isEqualTo("10 min before: Deployed checkout 2026.12.01-1 (deploy-pipeline)");
        assertThat(page.describe(new RecentChange(null, null, null, null))).isEqualTo("Change");
    }

    @Test
    void aPageStoredBeforeChangesWereKeptHasNone() {
        assertThat(new Page("page-1", "inc-1", 42, "Checkout latency high", Severity.CRITICAL, "checkout-api",
                "Checkout API", 1,
                null, null, null, null).recentChanges()).isEmpty();
    }

    private static Page pagedAt(Instant requestedAt) {
        return new Page("page-1", "inc-1", 42, "Checkout latency high", Severity.CRITICAL, "checkout-api",
                "Checkout API", 1, null,
                null, requestedAt, List.of());
    }

    private static RecentChange changedBefore(Duration before) {
        return new RecentChange("Deployed checkout 2026.12.01-1", "deploy-pipeline", PAGED_AT.minus(before),
                "https://ci.example.com/builds/1");
    }
}
