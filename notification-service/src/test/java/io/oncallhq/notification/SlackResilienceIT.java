package io.oncallhq.notification;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.oncallhq.contracts.Severity;
import io.oncallhq.contracts.Topics;
import io.oncallhq.contracts.page.PageDelivered;
import io.oncallhq.contracts.page.PageFailed;
import io.oncallhq.contracts.page.PageOutcomeEvent;
import io.oncallhq.contracts.page.PageRequested;
import io.oncallhq.contracts.page.PageTarget;
import io.oncallhq.localruntime.EventTopics;
import io.oncallhq.localruntime.LocalMongo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

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

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Slack misbehaving, through the real Slack SDK pointed at WireMock: rate limited, briefly broken, down for good, and
 * flooded. Each test pages its own Slack user, whose DM channel is {@code D} + the user id, so stubs and the request
 * log stay apart. Timing claims are read from WireMock's request log, not from the test's clock.
 */
@SpringBootTest(properties = {
        "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
        "notification.slack.bot-token=xoxb-test-token",
        "notification.slack.signing-secret=resilience-it-secret",
        "notification.fallback.secret=" + SlackResilienceIT.WEBHOOK_SECRET,
        "notification.fallback.secret-previous=" + SlackResilienceIT.PREVIOUS_WEBHOOK_SECRET,
        "resilience4j.retry.instances.slack.max-attempts=3",
        "resilience4j.retry.instances.slack.wait-duration=50ms",
        "resilience4j.ratelimiter.configs.slack-channel.limit-refresh-period="
                + SlackResilienceIT.CHANNEL_INTERVAL_MILLIS + "ms",
        // The storm here measures the channel's rate limit: its pages go one by one, not into a digest (StormIT).
        "notification.paging.digest.waiting=1000", "notification.paging.digest.service-incidents=1000"})
@EmbeddedKafka(partitions = 1, topics = {Topics.PAGES, Topics.INCIDENTS, Topics.PAGE_OUTCOMES, Topics.INCIDENT_COMMANDS,
        Topics.POSTMORTEMS})
class SlackResilienceIT {

    static final String WEBHOOK_SECRET = "whsec-current";
    static final String PREVIOUS_WEBHOOK_SECRET = "whsec-previous";
    /**
     * The channel limit these tests hold the service to, and the interval configured for it: 10 % longer than
     * 1000 / limit, the same margin as production's 1.1 s for Slack's one a second. A storm of 200 takes seconds.
     */
    static final long LIMIT_PER_SECOND = 15;
    static final long CHANNEL_INTERVAL_MILLIS = 73;
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final LocalMongo MONGO = LocalMongo.start(null, 0);
    private static final WireMockServer SLACK = new WireMockServer(options().dynamicPort());
    private static final WireMockServer WEBHOOK = new WireMockServer(options().dynamicPort());

    static {
        SLACK.start();
        WEBHOOK.start();
        WEBHOOK.stubFor(post("/hooks/page").willReturn(ok()));
    }

    @DynamicPropertySource
    static void standIns(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MONGO.connectionString("notifications"));
        registry.add("notification.slack.api-url", () -> SLACK.baseUrl() + "/api/");
        registry.add("notification.fallback.webhook-url", () -> WEBHOOK.baseUrl() + "/hooks/page");
    }

    @AfterAll
    static void stopStandIns() {
        SLACK.stop();
        WEBHOOK.stop();
        MONGO.close();
    }

    @Autowired
    EmbeddedKafkaBroker broker;

    private EventTopics kafka;

    @BeforeEach
    void connect() {
        kafka = new EventTopics(broker.getBrokersAsString(), "slack-resilience-it");
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    @Test
    void aRateLimitedMessageIsSentAgainNoEarlierThanSlacksRetryAfter() throws Exception {
        String user = slackUser();
        answerPostMessage(user, aResponse().withStatus(429).withHeader("Retry-After", "2")
                .withHeader("Content-Type", "application/json").withBody("{\"ok\":false,\"error\":\"ratelimited\"}"));

        PageRequested page = page(user);
        kafka.publish(Topics.PAGES, page, UUID.randomUUID().toString());

        assertThat(awaitOutcomes(page.pageId(), 1).getFirst()).isInstanceOf(PageDelivered.class);
        List<LoggedRequest> posts = postsTo(user);
        assertThat(posts).hasSize(2);
        assertThat(Duration.between(posts.get(0).getLoggedDate().toInstant(), posts.get(1).getLoggedDate().toInstant()))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aServerErrorIsRetriedAndThePageArrivesOnce() throws Exception {
        String user = slackUser();
        answerPostMessage(user, aResponse().withStatus(503).withBody("upstream unavailable"));

        PageRequested page = page(user);
        kafka.publish(Topics.PAGES, page, UUID.randomUUID().toString());

        PageDelivered delivered = (PageDelivered) awaitOutcomes(page.pageId(), 1).getFirst();
        assertThat(delivered.channel()).isEqualTo("slack");
        assertThat(delivered.destination()).isEqualTo(dmOf(user));
        // A later page to the same DM goes out after this one is done with, so by its outcome a second send of the
        // first would have shown.
        PageRequested later = page(user);
        kafka.publish(Topics.PAGES, later, UUID.randomUUID().toString());
        awaitOutcomes(later.pageId(), 1);
        assertThat(postsTo(user)).hasSize(3);
        assertThat(postsTo(user)).filteredOn(post -> post.getBodyAsString().contains(page.incidentId())).hasSize(2);
        assertThat(webhookCallsAbout(page.pageId())).isEmpty();
        assertThat(outcomesOf(page.pageId())).hasSize(1);
    }

    @Test
    void whenSlackStaysDownThePageGoesToTheSignedWebhookAndTheTimelineHearsBoth() throws Exception {
        String user = slackUser();
        stubDm(user);
        SLACK.stubFor(post("/api/chat.postMessage").atPriority(1).withRequestBody(containing(dmOf(user)))
                .willReturn(aResponse().withStatus(500).withBody("internal error")));

        PageRequested page = page(user);
        kafka.publish(Topics.PAGES, page, UUID.randomUUID().toString());

        List<PageOutcomeEvent> outcomes = awaitOutcomes(page.pageId(), 2);
        PageFailed failed = (PageFailed) outcomes.get(0);
        assertThat(failed.channel()).isEqualTo("slack");
        assertThat(failed.reason()).contains("HTTP 500");
        PageDelivered delivered = (PageDelivered) outcomes.get(1);
        assertThat(delivered.channel()).isEqualTo("webhook");
        assertThat(postsTo(user)).hasSize(3); // the configured attempts, then no more

        List<LoggedRequest> calls = webhookCallsAbout(page.pageId());
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
        String user = slackUser();
        stubDm(user);
        int storm = 200;
        List<PageRequested> pages = new ArrayList<>();
        for (int i = 0; i < storm; i++) {
            pages.add(page(user));
        }
        for (PageRequested page : pages) {
            kafka.send(kafka.record(Topics.PAGES, page, UUID.randomUUID().toString()));
        }

        Set<String> pageIds = pages.stream().map(PageRequested::pageId).collect(Collectors.toSet());
        await().atMost(Duration.ofSeconds(90)).until(() -> kafka.events(Topics.PAGE_OUTCOMES, PageOutcomeEvent.class)
                .stream().map(event -> event.data()).filter(PageDelivered.class::isInstance)
                .filter(outcome -> pageIds.contains(outcome.pageId())).count() == storm);

        List<Instant> sent = postsTo(user).stream().map(post -> post.getLoggedDate().toInstant()).sorted().toList();
        assertThat(sent).hasSize(storm);
        for (int first = 0; first < sent.size(); first++) {
            Instant windowEnd = sent.get(first).plusSeconds(1);
            long inWindow = sent.stream().skip(first).takeWhile(at -> at.isBefore(windowEnd)).count();
            assertThat(inWindow).as("messages in the second from %s", sent.get(first)).isLessThanOrEqualTo(LIMIT_PER_SECOND);
        }
    }

    /** The first chat.postMessage to the user's DM gets {@code firstAnswer}, the later ones succeed. */
    private static void answerPostMessage(String user, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder firstAnswer) {
        stubDm(user);
        String scenario = "first post to " + user;
        SLACK.stubFor(post("/api/chat.postMessage").atPriority(1).withRequestBody(containing(dmOf(user)))
                .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED).willReturn(firstAnswer)
                .willSetStateTo("answered"));
        SLACK.stubFor(post("/api/chat.postMessage").atPriority(1).withRequestBody(containing(dmOf(user)))
                .inScenario(scenario).whenScenarioStateIs("answered").willReturn(posted(user)));
    }

    private static void stubDm(String user) {
        SLACK.stubFor(post("/api/conversations.open").withRequestBody(containing(user))
                .willReturn(okJson("{\"ok\":true,\"channel\":{\"id\":\"" + dmOf(user) + "\"}}")));
        SLACK.stubFor(post("/api/chat.postMessage").atPriority(5).withRequestBody(containing(dmOf(user)))
                .willReturn(posted(user)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder posted(String user) {
        return okJson("{\"ok\":true,\"channel\":\"" + dmOf(user) + "\",\"ts\":\"1700000000.000100\"}");
    }

    private static List<LoggedRequest> postsTo(String user) {
        return SLACK.findAll(postRequestedFor(urlEqualTo("/api/chat.postMessage"))
                .withRequestBody(containing("channel=" + dmOf(user))));
    }

    private static List<LoggedRequest> webhookCallsAbout(String pageId) {
        return WEBHOOK.findAll(postRequestedFor(urlEqualTo("/hooks/page")).withRequestBody(containing(pageId)));
    }

    private List<PageOutcomeEvent> awaitOutcomes(String pageId, int count) {
        return await().atMost(PATIENCE).until(() -> outcomesOf(pageId), outcomes -> outcomes.size() >= count);
    }

    private List<PageOutcomeEvent> outcomesOf(String pageId) {
        return kafka.events(Topics.PAGE_OUTCOMES, PageOutcomeEvent.class).stream()
                .map(event -> event.data()).filter(outcome -> outcome.pageId().equals(pageId)).toList();
    }

    private static String hmac(String secret, String timestamp, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    private static String slackUser() {
        return "U" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    private static String dmOf(String user) {
        return "D" + user;
    }

    private static PageRequested page(String slackUserId) {
        String incidentId = "inc-" + UUID.randomUUID();
        return new PageRequested("page-" + UUID.randomUUID(), incidentId, 11, "checkout-api", "Checkout API",
                "Checkout error rate", Severity.ERROR, 1,
                new PageTarget("alex", "Alex Rivera", "alex@example.com", slackUserId),
                "http://localhost:8082/incidents/" + incidentId, Instant.now());
    }
}
