package io.oncallhq.notification.paging;

import io.oncallhq.contracts.Severity;
import io.oncallhq.contracts.page.PageTarget;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.oncallhq.notification.paging.DigestFixtures.STORM_STARTED;
import static io.oncallhq.notification.paging.DigestFixtures.checkoutStorm;
import static org.assertj.core.api.Assertions.assertThat;

class PageDigestTest {

    @Test
    void theHeadlineSaysHowManyIncidentsOfWhichServiceInHowLongTheMostSevereFirst() {
        PageDigest digest = checkoutStorm(12, Duration.ofSeconds(10));
        digest.add(List.of(page("page-critical", Severity.CRITICAL, STORM_STARTED.plusSeconds(115))),
                STORM_STARTED.plusSeconds(120));

        assertThat(digest.headline()).isEqualTo("[CRITICAL] 13 incidents on Checkout API in the last 2 min");
        assertThat(digest.description()).isEqualTo("digest of 13 incidents on Checkout API");
    }

    @Test
    void aQuickStormIsInTheLastMinuteAndOneIncidentIsOne() {
        assertThat(checkoutStorm(1, Duration.ofSeconds(1)).headline())
                .isEqualTo("[ERROR] 1 incident on Checkout API in the last minute");
    }

    @Test
    void aPageFoldedTwiceIsListedOnce() {
        PageDigest digest = checkoutStorm(3, Duration.ofSeconds(1));
        Page again = page("page-1", Severity.ERROR, STORM_STARTED.plusSeconds(1));

        digest.add(List.of(again), STORM_STARTED.plusSeconds(5));

        assertThat(digest.entries()).hasSize(3);
        assertThat(digest.lastAddedAt()).isEqualTo(STORM_STARTED.plusSeconds(3));
    }

    @Test
    void theNewestComeFirst() {
        assertThat(checkoutStorm(12, Duration.ofSeconds(1)).newest(3)).extracting(PageDigest.Entry::incidentNumber)
                .containsExactly(111L, 110L, 109L);
    }

    @Test
    void itTakesInPagesForAWindowAfterItsLastOne() {
        PageDigest digest = checkoutStorm(3, Duration.ofSeconds(1));
        Instant lastAdded = digest.lastAddedAt();

        assertThat(digest.takesIn(lastAdded.plusSeconds(119), Duration.ofMinutes(2))).isTrue();
        assertThat(digest.takesIn(lastAdded.plusSeconds(120), Duration.ofMinutes(2))).isFalse();
    }

    @Test
    void itLinksToTheServicesOpenIncidentsWhereThePagesLinkToTheirIncident() {
        assertThat(checkoutStorm(2, Duration.ofSeconds(1)).incidentsUrl())
                .isEqualTo("http://localhost:8082/incidents?serviceId=checkout-api&status=triggered");
    }

    private static Page page(String pageId, Severity severity, Instant requestedAt) {
        return new Page(pageId, "inc-" + pageId, 999, "Checkout down", severity, "checkout-api", "Checkout API", 1,
                "http://localhost:8082/incidents/inc-" + pageId, new PageTarget("alex", "Alex Rivera", null, "U0ALEX"),
                requestedAt, List.of());
    }
}
