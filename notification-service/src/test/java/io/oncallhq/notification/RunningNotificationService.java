package io.oncallhq.notification;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.slack.api.app_backend.SlackSignature;
import io.oncallhq.apisecurity.TestTokens;
import io.oncallhq.contracts.Severity;
import io.oncallhq.contracts.Topics;
import io.oncallhq.contracts.command.IncidentCommand;
import io.oncallhq.contracts.page.PageOutcomeEvent;
import io.oncallhq.contracts.page.PageRequested;
import io.oncallhq.contracts.page.PageTarget;
import io.oncallhq.localruntime.EventTopics;
import io.oncallhq.localruntime.LocalMongo;
import io.oncallhq.standins.FormEncoding;
import io.oncallhq.notification.slack.SlackPayloads;
import io.oncallhq.standins.IncidentServiceStandIn;
import io.oncallhq.standins.SlackStandIn;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.oncallhq.standins.SlackStandIn.ALEX_DM;
import static io.oncallhq.standins.SlackStandIn.ALEX_SLACK_ID;
import static io.oncallhq.standins.SlackStandIn.MESSAGE_TS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service on a real KRaft broker and an in-memory MongoDB-wire server, with the stand-ins for Slack (the official
 * SDK pointed at {@link SlackStandIn}) and incident-service ({@link IncidentServiceStandIn}, reset after each test),
 * a GreenMail SMTP server and a WireMock server for webhooks, driven through Kafka and HTTP. The ITs extending this
 * share one Spring context and its stand-ins (they stop with the JVM).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
        "notification.slack.bot-token=xoxb-test-token",
        "notification.slack.signing-secret=" + RunningNotificationService.SIGNING_SECRET,
        "notification.slack.signing-secret-previous=" + RunningNotificationService.PREVIOUS_SIGNING_SECRET,
        "notification.fallback.secret=" + RunningNotificationService.WEBHOOK_SECRET,
        "notification.fallback.secret-previous=" + RunningNotificationService.PREVIOUS_WEBHOOK_SECRET,
        // Slack's retries and per-channel pace, short enough for SlackResilienceIT's outages and storm to take seconds.
        "resilience4j.retry.instances.slack.max-attempts=3",
        "resilience4j.retry.instances.slack.wait-duration=50ms",
        "resilience4j.ratelimiter.configs.slack-channel.limit-refresh-period="
                + RunningNotificationService.CHANNEL_INTERVAL_MILLIS + "ms",
        // Every press asks the incident-service stand-in who the responders are: each test's answer counts at once.
        "notification.responders-cache-ttl=0s",
        // These tests page Alex about Checkout API far more often than a storm's threshold: each page goes on its own.
        // StormIT sets the thresholds back to their defaults.
        "notification.paging.digest.waiting=1000", "notification.paging.digest.service-incidents=1000"})
@EmbeddedKafka(partitions = 1, // KRaft: spring-kafka 4 has no ZooKeeper mode, hence no kraft attribute
        topics = {Topics.PAGES, Topics.INCIDENTS, Topics.PAGE_OUTCOMES, Topics.INCIDENT_COMMANDS, Topics.POSTMORTEMS})
abstract class RunningNotificationService {

    static final String SIGNING_SECRET = "it-signing-secret";
    static final String PREVIOUS_SIGNING_SECRET = "it-signing-secret-before-rotation";
    /** Sign calls to webhooks (the fallback, responders' own): both, as during a rotation of the secret. */
    static final String WEBHOOK_SECRET = "it-webhook-secret";
    static final String PREVIOUS_WEBHOOK_SECRET = "it-webhook-secret-before-rotation";
    /** Where pages go on {@link #WEBHOOKS} when Slack stays down. */
    static final String FALLBACK_PATH = "/hooks/fallback";
    /**
     * The per-channel limit the service is held to, and the interval configured for it: 10 % longer than
     * 1000 / limit, the same margin as production's 1.1 s for Slack's one a second.
     */
    static final long LIMIT_PER_SECOND = 15;
    static final long CHANNEL_INTERVAL_MILLIS = 73;
    static final String GROUP = "notification-service";
    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final LocalMongo MONGO = LocalMongo.start(null, 0);
    static final SlackStandIn SLACK = new SlackStandIn();
    static final IncidentServiceStandIn INCIDENT_SERVICE = new IncidentServiceStandIn(TestTokens.SERVICE);
    static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    static final WireMockServer WEBHOOKS = new WireMockServer(options().dynamicPort());

    static {
        SMTP.start();
        WEBHOOKS.start();
        WEBHOOKS.stubFor(post(FALLBACK_PATH).willReturn(ok()));
    }

    @DynamicPropertySource
    static void standIns(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MONGO.connectionString("notifications"));
        registry.add("notification.slack.api-url", SLACK::apiUrl);
        registry.add("notification.incident-service-url", INCIDENT_SERVICE::url);
        registry.add("notification.fallback.webhook-url", () -> WEBHOOKS.baseUrl() + FALLBACK_PATH);
        TestTokens.register(registry);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @LocalServerPort
    int port;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    MongoTemplate mongo;

    final HttpClient http = HttpClient.newHttpClient();
    EventTopics kafka;

    @BeforeEach
    void connect() {
        kafka = new EventTopics(broker.getBrokersAsString(), getClass().getSimpleName());
    }

    @AfterEach
    void disconnect() {
        kafka.close();
        INCIDENT_SERVICE.reset();
    }

    /** Pages Alex about the incident and waits until the page went out: from then on Alex counts as paged here. */
    PageRequested alexIsPagedAbout(String incidentId) throws Exception {
        PageRequested page = pageRequested(incidentId, ALEX_SLACK_ID);
        kafka.publish(Topics.PAGES, page, "event-" + UUID.randomUUID());
        awaitOutcome(page.pageId());
        return page;
    }

    PageOutcomeEvent awaitOutcome(String pageId) {
        return await().atMost(PATIENCE).until(() -> outcomesOf(pageId), outcomes -> !outcomes.isEmpty()).getFirst();
    }

    List<PageOutcomeEvent> outcomesOf(String pageId) {
        return kafka.events(Topics.PAGE_OUTCOMES, PageOutcomeEvent.class).stream()
                .map(event -> event.data()).filter(outcome -> outcome.pageId().equals(pageId)).toList();
    }

    List<IncidentCommand> commandsAbout(String incidentId) {
        return kafka.events(Topics.INCIDENT_COMMANDS, IncidentCommand.class).stream()
                .map(event -> event.data()).filter(command -> command.incidentId().equals(incidentId)).toList();
    }

    /** Waits until the page's delivery records the incident in that state (after its message was rewritten). */
    void awaitShown(PageRequested page, String status) {
        await().atMost(PATIENCE).until(() -> delivery(page.pageId()).get("state", Document.class),
                state -> state != null && status.equals(state.getString("status")));
    }

    Document delivery(String pageId) {
        return mongo.findById(pageId, Document.class, "page_deliveries");
    }

    /** A command on a fresh incident: once it is on the topic, everything published before it is there too. */
    String publishMarkerCommand() throws Exception {
        String marker = "inc-marker-" + UUID.randomUUID();
        alexIsPagedAbout(marker);
        assertThat(postInteraction(buttonPress("incident_resolve", marker), SIGNING_SECRET).statusCode())
                .isEqualTo(200);
        return marker;
    }

    /** Posts the payload in a form encoded as Slack encodes it ({@code *} as {@code %2A}), signed over those bytes. */
    HttpResponse<String> postInteraction(String payload, String secret) throws Exception {
        return postSigned("/slack/interactions", FormEncoding.SLACK.form("payload", payload), secret, Map.of());
    }

    /** Posts a form body signed as Slack signs requests, with the current time as the request timestamp. */
    HttpResponse<String> postSigned(String path, String body, String secret, Map<String, String> headers)
            throws Exception {
        Map<String, String> signed = new HashMap<>(slackSignatureHeaders(body, secret));
        signed.putAll(headers);
        return postForm(path, body, signed);
    }

    /** Slack's timestamp and signature headers for the body, signed now. */
    static Map<String, String> slackSignatureHeaders(String body, String secret) {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        return Map.of("X-Slack-Request-Timestamp", timestamp,
                "X-Slack-Signature", new SlackSignature.Generator(secret).generate(timestamp, body));
    }

    /** Posts the body's bytes exactly as given, as a form. */
    HttpResponse<String> postForm(String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.US_ASCII));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A {@code block_actions} payload as Slack sends it when a user presses a button of a page (with the page). */
    static String buttonPress(String slackUserId, String actionId, String incidentId) {
        return SlackPayloads.pressOnPage(slackUserId, actionId, incidentId, ALEX_DM, MESSAGE_TS);
    }

    static String buttonPress(String actionId, String incidentId) {
        return buttonPress(ALEX_SLACK_ID, actionId, incidentId);
    }

    /** The form Slack posts for {@code /incident <text>}, its fields in Slack's order and encoding. */
    static String slashCommandForm(String slackUserId, String text) {
        return FormEncoding.SLACK.form("token", "legacy-verification-token", "team_id", "T0TEAM", "team_domain", "demo",
                "channel_id", "C0OPS", "channel_name", "ops", "user_id", slackUserId, "user_name", "alex",
                "command", "/incident", "text", text, "api_app_id", "A0APP", "is_enterprise_install", "false",
                "response_url", "https://hooks.slack.com/commands/T0TEAM/1/abc",
                "trigger_id", UUID.randomUUID().toString());
    }

    static PageRequested pageRequested(String incidentId, String slackUserId) {
        return new PageRequested("page-" + UUID.randomUUID(), incidentId, 7, "checkout-api", "Checkout API",
                "Checkout latency high", Severity.CRITICAL, 1,
                new PageTarget("alex", "Alex Rivera", "alex@example.com", slackUserId),
                "http://localhost:8082/incidents/" + incidentId, Instant.now());
    }
}
