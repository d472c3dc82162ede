package io.oncallhq.notification.paging;

import io.oncallhq.contracts.Severity;
import io.oncallhq.contracts.page.PageTarget;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

/** Digests as a storm leaves them, for the tests of the channels that show them. */
public final class DigestFixtures {

    public static final Instant STORM_STARTED = Instant.parse("2026-12-07T10:00:00Z");

    private DigestFixtures() {
    }

    /**
     * A digest to Alex of {@code incidents} error incidents on Checkout API, numbered from 100, paged {@code apart}
     * from each other, posted to DM {@code D0ALEX}.
     */
    public static PageDigest checkoutStorm(int incidents, Duration apart) {
        PageDigest digest = PageDigest.open("digest-1", new Destination("slack", "U0ALEX"), null,
                checkoutPage(0, apart));
        digest.add(IntStream.range(0, incidents).mapToObj(i -> checkoutPage(i, apart)).toList(),
                STORM_STARTED.plus(apart.multipliedBy(incidents)));
        digest.sent(new SentPage("D0ALEX", "1700000000.000100"));
        return digest;
    }

    private static Page checkoutPage(int index, Duration apart) {
        String incidentId = "inc-" + (100 + index);
        return new Page("page-" + index, incidentId, 100 + index, "Checkout error rate " + index, Severity.ERROR,
                "checkout-api", "Checkout API", 1, "http://localhost:8082/incidents/" + incidentId,
                new PageTarget("alex", "Alex Rivera", "alex@example.com", "U0ALEX"),
                STORM_STARTED.plus(apart.multipliedBy(index)), List.of());
    }
}
