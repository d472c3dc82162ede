package io.oncallhq.notification.paging;

import io.oncallhq.contracts.Severity;
import io.oncallhq.contracts.page.PageTarget;
import io.oncallhq.notification.paging.SendingOrder.Alone;
import io.oncallhq.notification.paging.SendingOrder.Backlog;
import io.oncallhq.notification.paging.SendingOrder.DigestRule;
import io.oncallhq.notification.paging.SendingOrder.Fold;
import io.oncallhq.notification.paging.SendingOrder.Requested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class SendingOrderTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final Duration SLACK_PACE = Duration.ofMillis(1100);
    private static final Duration WINDOW = Duration.ofMinutes(2);

    private final SendingOrder order = new SendingOrder(new DigestRule(5, 5, WINDOW));

    @Test
    void aCriticalPageGoesBeforeOlderLessUrgentOnes() {
        Page oldWarning = page("warning-old", "checkout-api", Severity.WARNING, NOW.minusSeconds(60));
        Page error = page("error", "checkout-api", Severity.ERROR, NOW.minusSeconds(30));
        Page newCritical = page("critical-new", "payments-api", Severity.CRITICAL, NOW);

        assertThat(order.next(waiting(oldWarning, error, newCritical), NOW)).contains(new Alone(newCritical));
        assertThat(order.next(waiting(oldWarning, error), NOW)).contains(new Alone(error));
    }

    @Test
    void amongEquallyUrgentPagesTheOldestGoesFirst() {
        Page older = page("older", "checkout-api", Severity.ERROR, NOW.minusSeconds(5));
        Page newer = page("newer", "checkout-api", Severity.ERROR, NOW);

        assertThat(order.next(waiting(newer, older), NOW)).contains(new Alone(older));
    }

    @Test
    void aPageWithoutSeverityGoesAfterEveryOther() {
        Page unknown = page("unknown", "checkout-api", null, NOW.minusSeconds(60));
        Page info = page("info", "checkout-api", Severity.INFO, NOW);

        assertThat(order.next(waiting(unknown, info), NOW)).contains(new Alone(info));
    }

    @Test
    void nothingWaitingSendsNothing() {
        assertThat(order.next(waiting(), NOW)).isEmpty();
    }

    @Test
    void aDestinationsNextMessageWaitsOnePaceAfterItsPreviousOne() {
        assertThat(order.turn(null, SLACK_PACE, NOW)).isEqualTo(NOW);
        assertThat(order.turn(NOW.minusMillis(100), SLACK_PACE, NOW)).isEqualTo(NOW.plusMillis(1000));
        assertThat(order.turn(NOW.minusSeconds(5), SLACK_PACE, NOW)).isEqualTo(NOW);
        assertThat(order.turn(NOW.minusMillis(100), Duration.ZERO, NOW)).isEqualTo(NOW);
    }

    @Test
    void moreWaitingPagesThanTheThresholdFoldIntoANewDigestMostUrgentFirst() {
        List<Page> storm = new ArrayList<>(storm("checkout-api", Severity.WARNING, 5));
        Page error = page("error", "checkout-api", Severity.ERROR, NOW);
        storm.add(error);

        Fold fold = (Fold) order.next(waiting(storm), NOW).orElseThrow();

        assertThat(fold.into()).isNull();
        assertThat(fold.pages()).hasSize(6).first().isEqualTo(error);
    }

    @Test
    void asManyWaitingPagesAsTheThresholdStillGoOneByOne() {
        assertThat(order.next(waiting(storm("checkout-api", Severity.WARNING, 5)), NOW))
                .hasValueSatisfying(next -> assertThat(next).isInstanceOf(Alone.class));
    }

    @Test
    void aCriticalPageOfAnotherServiceGoesBeforeALessUrgentStormsDigest() {
        Page critical = page("critical", "payments-api", Severity.CRITICAL, NOW);
        List<Page> pages = Stream.concat(storm("checkout-api", Severity.ERROR, 50).stream(), Stream.of(critical))
                .toList();

        assertThat(order.next(waiting(pages), NOW)).contains(new Alone(critical));
    }

    @Test
    void aCriticalPageOfAnotherServiceWaitsAtMostOneTurnForTheDigestOfAnOlderCriticalStorm() {
        Page critical = page("critical", "payments-api", Severity.CRITICAL, NOW.minusSeconds(1));
        List<Page> olderStorm = storm("checkout-api", Severity.CRITICAL, 50);
        Page laterInTheStorm = page("later", "checkout-api", Severity.CRITICAL, NOW);

        assertThat(order.next(waiting(Stream.concat(olderStorm.stream(), Stream.of(critical)).toList()), NOW))
                .hasValueSatisfying(next -> assertThat(next).isInstanceOf(Fold.class));
        assertThat(order.next(new Backlog(List.of(critical, laterInTheStorm), List.of(),
                Map.of("checkout-api", digestLastAddedAt(NOW)), true), NOW)).contains(new Alone(critical));
    }

    @Test
    void aLessUrgentPageOfAnotherServiceWaitsForTheStormsDigest() {
        Page info = page("info", "payments-api", Severity.INFO, NOW.minusSeconds(90));
        List<Page> pages = Stream.concat(storm("checkout-api", Severity.ERROR, 6).stream(), Stream.of(info)).toList();

        assertThat(order.next(waiting(pages), NOW)).hasValueSatisfying(next -> assertThat(next).isInstanceOf(Fold.class));
    }

    @Test
    void moreIncidentsOfOneServiceWithinTheWindowThanTheThresholdFoldEvenASingleWaitingPage() {
        Page sixth = page("sixth", "checkout-api", Severity.ERROR, NOW);
        List<Requested> recent = Stream.concat(pagedEarlier("checkout-api", 5, Duration.ofSeconds(90)).stream(),
                Stream.of(requested(sixth))).toList();

        assertThat(order.next(new Backlog(List.of(sixth), recent, Map.of(), true), NOW))
                .contains(new Fold(List.of(sixth), null));
    }

    @Test
    void incidentsPagedBeforeTheWindowDoNotCount() {
        Page sixth = page("sixth", "checkout-api", Severity.ERROR, NOW);
        List<Requested> recent = Stream.concat(pagedEarlier("checkout-api", 5, Duration.ofMinutes(3)).stream(),
                Stream.of(requested(sixth))).toList();

        assertThat(order.next(new Backlog(List.of(sixth), recent, Map.of(), true), NOW)).contains(new Alone(sixth));
    }

    @Test
    void aDigestThatTookInAPageWithinTheWindowTakesInTheNextOne() {
        Page next = page("next", "checkout-api", Severity.ERROR, NOW);
        PageDigest recentDigest = digestLastAddedAt(NOW.minusSeconds(100));
        PageDigest staleDigest = digestLastAddedAt(NOW.minus(WINDOW));

        assertThat(order.next(new Backlog(List.of(next), List.of(), Map.of("checkout-api", recentDigest), true), NOW))
                .contains(new Fold(List.of(next), recentDigest));
        assertThat(order.next(new Backlog(List.of(next), List.of(), Map.of("checkout-api", staleDigest), true), NOW))
                .contains(new Alone(next));
    }

    @Test
    void aChannelWithoutDigestsSendsEveryPageOnItsOwn() {
        List<Page> storm = storm("checkout-api", Severity.WARNING, 20);

        assertThat(order.next(new Backlog(storm, List.of(), Map.of(), false), NOW))
                .contains(new Alone(storm.getFirst()));
    }

    private static Backlog waiting(Page... pages) {
        return waiting(List.of(pages));
    }

    private static Backlog waiting(List<Page> pages) {
        return new Backlog(pages, pages.stream().map(SendingOrderTest::requested).toList(), Map.of(), true);
    }

    /** Pages of one service's incidents, a second apart, the oldest first. */
    private static List<Page> storm(String serviceId, Severity severity, int incidents) {
        return IntStream.range(0, incidents).mapToObj(i -> page(serviceId + "-" + i, serviceId, severity,
                NOW.minusSeconds(incidents - i))).toList();
    }

    private static List<Requested> pagedEarlier(String serviceId, int incidents, Duration ago) {
        return IntStream.range(0, incidents).mapToObj(i -> new Requested(serviceId, "inc-earlier-" + i,
                NOW.minus(ago))).toList();
    }

    private static Requested requested(Page page) {
        return new Requested(page.serviceId(), page.incidentId(), page.requestedAt());
    }

    private static PageDigest digestLastAddedAt(Instant at) {
        Page folded = page("folded", "checkout-api", Severity.ERROR, at);
        PageDigest digest = PageDigest.open("digest-1", new Destination("slack", "U0DEMO0001"), null, folded);
        digest.add(List.of(folded), at);
        return digest;
    }

    static Page page(String pageId, String serviceId, Severity severity, Instant requestedAt) {
        return new Page(pageId, "inc-" + pageId, 1, "Checkout latency high", severity, serviceId, "Checkout API",
                1, "http://localhost:8082/incidents/inc-" + pageId,
                new PageTarget("alex", "Alex Rivera", null, "U0DEMO0001"), requestedAt, List.of());
    }
}
