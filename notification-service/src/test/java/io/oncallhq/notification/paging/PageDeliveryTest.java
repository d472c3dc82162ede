package io.oncallhq.notification.paging;

import io.oncallhq.contracts.Severity;
import io.oncallhq.contracts.page.PageDelivered;
import io.oncallhq.contracts.page.PageFailed;
import io.oncallhq.contracts.page.PageTarget;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageDeliveryTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:15:00Z");
    private static final IncidentChange ACKNOWLEDGED =
            new IncidentChange(IncidentChange.Kind.ACKNOWLEDGED, "Alex Rivera", NOW, null);

    @Test
    void deliveringReportsWhereThePageWent() {
        PageDelivery delivery = sendingPage();

        PageDelivered delivered = delivery.delivered(new SentPage("D0DM", "1700000000.000100"), NOW);

        assertThat(delivered).isEqualTo(new PageDelivered("page-1", "inc-1", "slack", "D0DM", "1700000000.000100", NOW));
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void failingReportsTheReason() {
        PageDelivery delivery = sendingPage();

        PageFailed failed = delivery.failed("chat.postMessage: channel_not_found", NOW);

        assertThat(failed.reason()).isEqualTo("chat.postMessage: channel_not_found");
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.FAILED);
    }

    @Test
    void aSettledDeliveryCannotBeSettledAgain() {
        PageDelivery delivery = deliveredPage();

        assertThatThrownBy(() -> delivery.failed("late", NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> delivery.delivered(new SentPage("D0DM", "2"), NOW))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anIncidentEventChangesADeliveredMessage() {
        PageDelivery delivery = deliveredPage();

        assertThat(delivery.show(ACKNOWLEDGED)).isTrue();
        assertThat(delivery.state()).isEqualTo(new PageState(PageState.Status.ACKNOWLEDGED, "Alex Rivera", NOW,
                ACKNOWLEDGED));
    }

    @Test
    void aPageThatWasNotDeliveredHasNoMessageToChange() {
        PageDelivery delivery = sendingPage();
        delivery.failed("channel_not_found", NOW);

        assertThat(delivery.show(ACKNOWLEDGED)).isFalse();
        assertThat(delivery.state()).isEqualTo(PageState.OPEN);
    }

    @Test
    void failingOverReportsTheFailureWhereItHappenedAndDeliversOnTheFallback() {
        PageDelivery delivery = sendingPage();

        PageFailed failed = delivery.failedOver("chat.postMessage failed: HTTP 500", "webhook", 1, NOW);
        PageDelivered delivered = delivery.delivered(new SentPage("https://hooks.example.com/page", null), NOW);

        assertThat(failed).isEqualTo(new PageFailed("page-1", "inc-1", "slack", "chat.postMessage failed: HTTP 500", NOW));
        assertThat(delivered.channel()).isEqualTo("webhook");
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void aSettledDeliveryCannotFailOver() {
        PageDelivery delivery = deliveredPage();

        assertThatThrownBy(() -> delivery.failedOver("late", "webhook", 1, NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aWaitingPageIsClaimedOnceAndOnlyThenSettled() {
        PageDelivery delivery = PageDelivery.waiting(page(), "slack", new Destination("slack", "U0DEMO0001"), null);

        assertThatThrownBy(() -> delivery.delivered(new SentPage("D0DM", "1"), NOW))
                .isInstanceOf(IllegalStateException.class);
        assertThat(delivery.claim(NOW)).isTrue();
        assertThat(delivery.claim(NOW)).isFalse();
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.SENDING);
        assertThat(delivery.destination()).isEqualTo("slack:U0DEMO0001");
    }

    @Test
    void aClaimedPageStallsOnceTheClaimIsOlderThanTheTimeoutAndIsResumedAsAnotherAttempt() {
        PageDelivery delivery = sendingPage();

        assertThat(delivery.stalled(NOW)).isFalse();
        assertThat(delivery.stalled(NOW.plusSeconds(1))).isTrue();
        delivery.resume(NOW.plusSeconds(1));
        assertThat(delivery.attempts()).isEqualTo(2);
        assertThat(delivery.stalled(NOW.plusSeconds(1))).isFalse();
    }

    @Test
    void aPageFoldedIntoADigestIsDeliveredInItsMessageAndSaysWhichDigest() {
        PageDelivery delivery = PageDelivery.waiting(page(), "slack", new Destination("slack", "U0DEMO0001"), null);
        PageDigest digest = DigestFixtures.checkoutStorm(12, Duration.ofSeconds(10));

        assertThat(delivery.foldInto("digest-1", NOW)).isTrue();
        PageDelivered delivered = delivery.deliveredIn(digest, NOW);

        assertThat(delivered).isEqualTo(new PageDelivered("page-1", "inc-1", "slack", "D0ALEX", "1700000000.000100", NOW,
                "digest of 12 incidents on Checkout API"));
        assertThat(delivery.digestId()).isEqualTo("digest-1");
    }

    @Test
    void aFoldedPageWhoseDigestDidNotGoOutGoesOnItsOwnOrWaitsAgain() {
        PageDelivery unfolded = PageDelivery.waiting(page(), "slack", new Destination("slack", "U0DEMO0001"), null);
        unfolded.foldInto("digest-1", NOW);
        PageDelivery waitingAgain = PageDelivery.waiting(page(), "slack", new Destination("slack", "U0DEMO0001"), null);
        waitingAgain.foldInto("digest-1", NOW);

        assertThat(unfolded.unfold()).isTrue();
        assertThat(unfolded.unfold()).isFalse();
        assertThat(unfolded.status()).isEqualTo(DeliveryStatus.SENDING);
        waitingAgain.waitAgain();
        assertThat(waitingAgain.status()).isEqualTo(DeliveryStatus.WAITING);
        assertThat(waitingAgain.digestId()).isNull();
        assertThat(waitingAgain.claim(NOW)).isTrue();
    }

    private static PageDelivery sendingPage() {
        PageDelivery delivery = PageDelivery.waiting(page(), "slack", new Destination("slack", "U0DEMO0001"), null);
        delivery.claim(NOW);
        return delivery;
    }

    private static PageDelivery deliveredPage() {
        PageDelivery delivery = sendingPage();
        delivery.delivered(new SentPage("D0DM", "1700000000.000100"), NOW);
        return delivery;
    }

    private static Page page() {
        return new Page("page-1", "inc-1", 42, "Checkout latency high", Severity.CRITICAL, "checkout-api",
                "Checkout API", 1, "http://localhost:8082/incidents/inc-1",
                new PageTarget("alex", "Alex Rivera", null, "U0DEMO0001"), null, List.of());
    }
}
