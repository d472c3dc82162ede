package io.oncallhq.notification;

import com.slack.api.app_backend.SlackSignature;
import io.oncallhq.contracts.Actor;
import io.oncallhq.contracts.Severity;
import io.oncallhq.contracts.Topics;
import io.oncallhq.contracts.command.AcknowledgeIncident;
import io.oncallhq.contracts.command.IncidentCommand;
import io.oncallhq.contracts.command.ResolveIncident;
import io.oncallhq.contracts.incident.IncidentAcknowledged;
import io.oncallhq.contracts.page.PageDelivered;
import io.oncallhq.contracts.page.PageFailed;
import io.oncallhq.contracts.page.PageOutcomeEvent;
import io.oncallhq.contracts.page.PageRequested;
import io.oncallhq.contracts.page.PageTarget;
import io.oncallhq.localruntime.EventTopics;
import io.oncallhq.localruntime.LocalMongo;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static io.oncallhq.notification.SlackStandIn.ALEX_DM;
import static io.oncallhq.notification.SlackStandIn.ALEX_SLACK_ID;
import static io.oncallhq.notification.SlackStandIn.GONE_SLACK_ID;
import static io.oncallhq.notification.SlackStandIn.TS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service on a real KRaft broker, an in-memory MongoDB-wire server and a WireMock stand-in for the Slack Web API
 * (the official SDK pointed at it, see {@link SlackStandIn}), driven through Kafka and HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
        "notification.slack.bot-token=xoxb-test-token",
        "notification.slack.signing-secret=" + NotificationServiceIT.SIGNING_SECRET})
@EmbeddedKafka(partitions = 1, // KRaft: spring-kafka 4 has no ZooKeeper mode, hence no kraft attribute
        topics = {Topics.PAGES, Topics.INCIDENTS, Topics.PAGE_OUTCOMES, Topics.INCIDENT_COMMANDS})
class NotificationServiceIT {

    static final String SIGNING_SECRET = "it-signing-secret";
    private static final String GROUP = "notification-service";
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final LocalMongo MONGO = LocalMongo.start(null, 0);
    private static final SlackStandIn SLACK = new SlackStandIn();

    @DynamicPropertySource
    static void standIns(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MONGO.connectionString("notifications"));
        registry.add("notification.slack.api-url", SLACK::apiUrl);
    }

    @AfterAll
    static void stopStandIns() {
        SLACK.close();
        MONGO.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    MongoTemplate mongo;

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private EventTopics kafka;

    @BeforeEach
    void connect() {
        kafka = new EventTopics(broker.getBrokersAsString(), "notification-service-it");
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    @Test
    void aPageRequestBecomesOneSlackDirectMessageWithButtonsEvenWhenRedelivered() throws Exception {
        String incidentId = "inc-" + UUID.randomUUID();
        PageRequested page = pageRequested(incidentId, ALEX_SLACK_ID);
        ProducerRecord<byte[], byte[]> request = kafka.record(Topics.PAGES, page, "event-" + UUID.randomUUID());
        kafka.send(request);

        PageDelivered delivered = (PageDelivered) awaitOutcome(page.pageId());
        assertThat(delivered.channel()).isEqualTo("slack");
        assertThat(delivered.destination()).isEqualTo(ALEX_DM);
        assertThat(delivered.messageRef()).isEqualTo(TS);
        assertThat(SLACK.calls("conversations.open")).anyMatch(open -> ALEX_SLACK_ID.equals(open.get("users")));
        List<Map<String, String>> posts = postsAbout(incidentId);
        assertThat(posts).hasSize(1);
        assertThat(posts.getFirst().get("channel")).isEqualTo(ALEX_DM);
        assertThat(posts.getFirst().get("text")).startsWith("[CRITICAL] #7 Checkout latency high");
        assertThat(buttons(posts.getFirst())).containsExactly(
                "incident_acknowledge=" + incidentId + " (primary)", "incident_resolve=" + incidentId + " (danger)");

        kafka.send(request); // the same record again: same ce_id, same page id
        await().atMost(PATIENCE).until(() -> kafka.consumedAll(GROUP, Topics.PAGES));

        assertThat(postsAbout(incidentId)).hasSize(1);
        assertThat(outcomesOf(page.pageId())).hasSize(1);
        assertThat(delivery(page.pageId()).getString("status")).isEqualTo("DELIVERED");
    }

    @Test
    void anAcknowledgedIncidentRewritesItsSlackPageInPlaceOnce() throws Exception {
        String incidentId = "inc-" + UUID.randomUUID();
        PageRequested page = pageRequested(incidentId, ALEX_SLACK_ID);
        kafka.publish(Topics.PAGES, page, "event-" + UUID.randomUUID());
        awaitOutcome(page.pageId());

        ProducerRecord<byte[], byte[]> acknowledged = kafka.record(Topics.INCIDENTS,
                new IncidentAcknowledged(incidentId, Actor.responder("alex", "Alex Rivera"), Instant.now()),
                "event-" + UUID.randomUUID());
        kafka.send(acknowledged);
        kafka.send(acknowledged);

        await().atMost(PATIENCE).until(() -> updatesAbout(incidentId).size() == 1);
        await().atMost(PATIENCE).until(() -> kafka.consumedAll(GROUP, Topics.INCIDENTS));
        List<Map<String, String>> updates = updatesAbout(incidentId);
        assertThat(updates).hasSize(1);
        assertThat(updates.getFirst().get("channel")).isEqualTo(ALEX_DM);
        assertThat(updates.getFirst().get("ts")).isEqualTo(TS);
        assertThat(updates.getFirst().get("text")).contains("acknowledged by Alex Rivera");
        assertThat(updates.getFirst().get("blocks")).contains("Acknowledged by Alex Rivera");
        assertThat(buttons(updates.getFirst())).containsExactly("incident_resolve=" + incidentId + " (danger)");
    }

    @Test
    void aSlackErrorIsReportedAsPageFailedAndNotRetried() throws Exception {
        String incidentId = "inc-" + UUID.randomUUID();
        PageRequested page = pageRequested(incidentId, GONE_SLACK_ID);
        kafka.publish(Topics.PAGES, page, "event-" + UUID.randomUUID());

        PageFailed failed = (PageFailed) awaitOutcome(page.pageId());
        assertThat(failed.channel()).isEqualTo("slack");
        assertThat(failed.reason()).contains("channel_not_found");
        await().atMost(PATIENCE).until(() -> kafka.consumedAll(GROUP, Topics.PAGES));
        assertThat(postsAbout(incidentId)).hasSize(1);
        assertThat(delivery(page.pageId()).getString("status")).isEqualTo("FAILED");
    }

    @Test
    void signedButtonPressesBecomeIncidentCommandsActedByTheSlackUser() throws Exception {
        String incidentId = "inc-" + UUID.randomUUID();

        HttpResponse<String> acknowledge = postInteraction(buttonPress("incident_acknowledge", incidentId), SIGNING_SECRET);
        HttpResponse<String> resolve = postInteraction(buttonPress("incident_resolve", incidentId), SIGNING_SECRET);
        HttpResponse<String> unknown = postInteraction(buttonPress("incident_open", incidentId), SIGNING_SECRET);

        assertThat(List.of(acknowledge.statusCode(), resolve.statusCode(), unknown.statusCode())).containsOnly(200);
        assertThat(acknowledge.body()).isEmpty();
        List<IncidentCommand> commands = await().atMost(PATIENCE).until(() -> commandsAbout(incidentId),
                found -> found.size() >= 2);
        assertThat(commands).hasSize(2);
        assertThat(commands.getFirst()).isInstanceOf(AcknowledgeIncident.class);
        assertThat(commands.get(1)).isInstanceOf(ResolveIncident.class);
        assertThat(commands).extracting(IncidentCommand::actor).containsOnly(Actor.slackUser(ALEX_SLACK_ID, "alex"));
    }

    @Test
    void aBadlySignedButtonPressIsRefusedAndPublishesNothing() throws Exception {
        String forgedIncidentId = "inc-" + UUID.randomUUID();
        String genuineIncidentId = "inc-" + UUID.randomUUID();

        HttpResponse<String> forged = postInteraction(buttonPress("incident_acknowledge", forgedIncidentId), "not-the-secret");
        HttpResponse<String> genuine = postInteraction(buttonPress("incident_acknowledge", genuineIncidentId), SIGNING_SECRET);

        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(genuine.statusCode()).isEqualTo(200);
        // Commands share one partition, in request order: once the genuine one is there, the forged one would be too.
        await().atMost(PATIENCE).until(() -> commandsAbout(genuineIncidentId).size() == 1);
        assertThat(commandsAbout(forgedIncidentId)).isEmpty();
    }

    private PageOutcomeEvent awaitOutcome(String pageId) {
        return await().atMost(PATIENCE).until(() -> outcomesOf(pageId), outcomes -> !outcomes.isEmpty()).getFirst();
    }

    private List<PageOutcomeEvent> outcomesOf(String pageId) {
        return kafka.events(Topics.PAGE_OUTCOMES, PageOutcomeEvent.class).stream()
                .map(event -> event.data()).filter(outcome -> outcome.pageId().equals(pageId)).toList();
    }

    private List<IncidentCommand> commandsAbout(String incidentId) {
        return kafka.events(Topics.INCIDENT_COMMANDS, IncidentCommand.class).stream()
                .map(event -> event.data()).filter(command -> command.incidentId().equals(incidentId)).toList();
    }

    private Document delivery(String pageId) {
        return mongo.findById(pageId, Document.class, "page_deliveries");
    }

    private static List<Map<String, String>> postsAbout(String incidentId) {
        return SLACK.callsAbout("chat.postMessage", incidentId);
    }

    private static List<Map<String, String>> updatesAbout(String incidentId) {
        return SLACK.callsAbout("chat.update", incidentId);
    }

    /** Each button of a message as {@code action_id=value (style)}. */
    private List<String> buttons(Map<String, String> message) {
        JsonNode blocks = json.readTree(message.get("blocks"));
        return StreamSupport.stream(blocks.spliterator(), false)
                .filter(block -> block.path("type").asString().equals("actions"))
                .flatMap(block -> StreamSupport.stream(block.get("elements").spliterator(), false))
                .map(button -> button.get("action_id").asString() + "=" + button.get("value").asString()
                        + " (" + button.get("style").asString() + ")")
                .toList();
    }

    private HttpResponse<String> postInteraction(String payload, String secret) throws Exception {
        String body = "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/slack/interactions"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", new SlackSignature.Generator(secret).generate(timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A {@code block_actions} payload as Slack sends it when Alex presses a button of a page. */
    private static String buttonPress(String actionId, String incidentId) {
        return """
                {"type":"block_actions","user":{"id":"%s","username":"alex","name":"alex","team_id":"T0TEAM"},
                 "api_app_id":"A0APP","container":{"type":"message","message_ts":"%s","channel_id":"%s"},
                 "actions":[{"type":"button","block_id":"incident_actions","action_id":"%s","value":"%s",
                             "action_ts":"1700000001.000200"}]}
                """.formatted(ALEX_SLACK_ID, TS, ALEX_DM, actionId, incidentId);
    }

    private static PageRequested pageRequested(String incidentId, String slackUserId) {
        return new PageRequested("page-" + UUID.randomUUID(), incidentId, 7, "checkout-api", "Checkout API",
                "Checkout latency high", Severity.CRITICAL, 1,
                new PageTarget("alex", "Alex Rivera", "alex@example.com", slackUserId),
                "http://localhost:8082/incidents/" + incidentId, Instant.now());
    }
}
