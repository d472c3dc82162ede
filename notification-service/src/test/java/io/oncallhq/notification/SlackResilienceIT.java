package io.oncallhq.notification;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.oncallhq.contracts.Topics;
import io.oncallhq.contracts.page.PageDelivered;
import io.oncallhq.contracts.page.PageFailed;
import io.oncallhq.contracts.page.PageOutcomeEvent;
import io.oncallhq.contracts.page.PageRequested;
import io.oncallhq.standins.SlackCall;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.oncallhq.standins.SlackStandIn.dmOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Slack misbehaving, through the real Slack SDK pointed at the Slack stand-in: rate limited, briefly broken, down for
 * good, and flooded. Each test pages its own Slack user, so what Slack does to one DM stays apart from the others.
 * Timing claims are read from the stand-in's arrival times, not from the test's clock.
 */
class SlackResilienceIT extends RunningNotificationService {

    @Test
    void aRateLimitedMessageIsSentAgainNoEarlierThanSlacksRetryAfter() throws Exception {
        String user = SLACK.newUser();
        SLACK.rateLimitsFirstPostTo(dmOf(user), Duration.ofSeconds(2));

        PageRequested page = pageTo(user);

        assertThat(awaitOutcomes(page.pageId(), 1).getFirst()).isInstanceOf(PageDelivered.class);
        List<SlackCall> posts = SLACK.callsTo("chat.postMessage", dmOf(user));
        assertThat(posts).hasSize(2);
        assertThat(Duration.between(posts.get(0).at(), posts.get(1).at()))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aServerErrorIsRetriedAndThePageArrivesOnce() throws Exception {
        String user = SLACK.newUser();
        SLACK.failsFirstPostTo(dmOf(user));

        PageRequested page = pageTo(user);

        PageDelivered delivered = (PageDelivered) awaitOutcomes(page.pageId(), 1).getFirst();
        assertThat(delivered.channel()).isEqualTo("slack");
        assertThat(delivered.destination()).isEqualTo(dmOf(user));
        // A later page to the same DM goes out after this one is done with, so by its outcome a second send of the
        // first would have shown.
        PageRequested later = pageTo(user);
        awaitOutcomes(later.pageId(), 1);
        assertThat(SLACK.callsTo("chat.postMessage", dmOf(user))).hasSize(3);
        assertThat(SLACK.callsAbout("chat.postMessage", page.incidentId())).hasSize(2);
        assertThat(fallbackCallsAbout(page.pageId())).isEmpty();
        assertThat(outcomesOf(page.pageId())).hasSize(1);
    }

    @Test
    void whenSlackStaysDownThePageGoesToTheSignedWebhookAndTheTimelineHearsBoth() throws Exception {
        String user = SLACK.newUser();
        SLACK.failsEveryPostTo(dmOf(user));

        PageRequested page = pageTo(user);

        List<PageOutcomeEvent> outcomes = awaitOutcomes(page.pageId(), 2);
        PageFailed failed = (PageFailed) outcomes.get(0);
        assertThat(failed.channel()).isEqualTo("slack");
        assertThat(failed.reason()).contains("HTTP 500");
        PageDelivered delivered = (PageDelivered) outcomes.get(1);
        assertThat(delivered.channel()).isEqualTo("webhook");
        assertThat(SLACK.callsTo("chat.postMessage", dmOf(user))).hasSize(3); // the configured attempts, then no more

        List<LoggedRequest> calls = fallbackCallsAbout(page.pageId());
        assertThat(calls).hasSize(1);
        LoggedRequest call = calls.getFirst();
        assertThat(call.getHeader("Content-Type")).startsWith("application/json");
        assertThat(call.getHeader("Idempotency-Key")).isEqualTo(page.pageId());
        String signature = call.getHeader("X-Oncallhq-Signature");
        String timestamp = signature.split(",")[0].substring("t=".length());
        assertThat(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp))).isLessThan(120);
        assertThat(signature).isEqualTo("t=" + timestamp
                + ",v1=" + hmac(WEBHOOK_SECRET, timestamp, call.getBody())
                + ",v1=" + hmac(PREVIOUS_WEBHOOK_SECRET, timestamp, call.getBody()));
        assertThat(call.getBodyAsString()).contains("\"incidentId\":\"" + page.incidentId() + "\"");
    }

    @Test
    void aStormOfPagesToOneChannelDeliversEveryPageWithinTheChannelRateLimit() throws Exception {
        String user = SLACK.newUser();
        int storm = 200;
        List<PageRequested> pages = new ArrayList<>();
        for (int i = 0; i < storm; i++) {
            pages.add(pageRequested("inc-" + UUID.randomUUID(), user));
        }
        for (PageRequested page : pages) {
            kafka.send(kafka.record(Topics.PAGES, page, UUID.randomUUID().toString()));
        }

        Set<String> pageIds = pages.stream().map(PageRequested::pageId).collect(Collectors.toSet());
        await().atMost(Duration.ofSeconds(90)).until(() -> kafka.events(Topics.PAGE_OUTCOMES, PageOutcomeEvent.class)
                .stream().map(event -> event.data()).filter(PageDelivered.class::isInstance)
                .filter(outcome -> pageIds.contains(outcome.pageId())).count() == storm);

        List<Instant> sent = SLACK.callsTo("chat.postMessage", dmOf(user)).stream().map(SlackCall::at).sorted()
                .toList();
        assertThat(sent).hasSize(storm);
        for (int first = 0; first < sent.size(); first++) {
            Instant windowEnd = sent.get(first).plusSeconds(1);
            long inWindow = sent.stream().skip(first).takeWhile(at -> at.isBefore(windowEnd)).count();
            assertThat(inWindow).as("messages in the second from %s", sent.get(first)).isLessThanOrEqualTo(LIMIT_PER_SECOND);
        }
    }

    /** A page to the Slack user about a new incident, requested now. */
    private PageRequested pageTo(String slackUserId) throws Exception {
        PageRequested page = pageRequested("inc-" + UUID.randomUUID(), slackUserId);
        kafka.publish(Topics.PAGES, page, UUID.randomUUID().toString());
        return page;
    }

    private static List<LoggedRequest> fallbackCallsAbout(String pageId) {
        return WEBHOOKS.findAll(postRequestedFor(urlEqualTo(FALLBACK_PATH)).withRequestBody(containing(pageId)));
    }

    private List<PageOutcomeEvent> awaitOutcomes(String pageId, int count) {
        return await().atMost(PATIENCE).until(() -> outcomesOf(pageId), outcomes -> outcomes.size() >= count);
    }

    private static String hmac(String secret, String timestamp, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
