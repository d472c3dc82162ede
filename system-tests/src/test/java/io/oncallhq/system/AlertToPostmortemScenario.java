package io.oncallhq.system;

import io.oncallhq.contracts.Topics;
import io.oncallhq.contracts.cloudevents.ReceivedEvent;
import io.oncallhq.contracts.command.IncidentCommand;
import io.oncallhq.contracts.command.ResolveIncident;
import io.oncallhq.contracts.page.PageEvent;
import io.oncallhq.localruntime.AlertmanagerProcess;
import io.oncallhq.localruntime.EventTopics;
import io.oncallhq.localruntime.LocalSystem;
import io.oncallhq.localruntime.Ports;
import io.oncallhq.standins.SlackCall;
import io.oncallhq.standins.SlackStandIn;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * One alert travels the whole way: webhook → incident → Slack page → acknowledge from Slack → resolve →
 * post-mortem, through the four service jars exactly as {@code ./run.sh} starts them. Subclasses choose the
 * broker and database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class AlertToPostmortemScenario {

    private static final String INTEGRATION_KEY = "system-test-integration-key-0001";
    private static final String SLACK_USER = "U0ALEX0001";

    private final SlackStandIn slack = new SlackStandIn();
    private LocalSystem system;
    private EventTopics kafka;
    private final Map<String, Integer> ports = new HashMap<>();
    private String incidentId;

    /** {@code KAFKA_BOOTSTRAP_SERVERS} and {@code MONGODB_SERVER} of the infrastructure to use; empty for embedded. */
    abstract Map<String, String> infrastructure();

    /** The bootstrap servers the test reads the topics through. */
    abstract String bootstrapServers(LocalSystem system);

    @BeforeAll
    void startSystem() throws IOException, InterruptedException {
        Path dataDir = Files.createTempDirectory("oncallhq-system-test");
        for (String variable : List.of("ALERT_INGEST_PORT", "INCIDENT_PORT", "NOTIFICATION_PORT", "POSTMORTEM_PORT",
                "KAFKA_PORT", "MONGODB_PORT")) {
            ports.put(variable, Ports.free());
        }
        Map<String, String> environment = new HashMap<>(infrastructure());
        ports.forEach((variable, port) -> environment.put(variable, String.valueOf(port)));
        environment.put("REPO_DIR", System.getProperty("repo.dir", ".."));
        // The web console has browser tests of its own (WebConsoleBrowserIT); this scenario needs only the services.
        environment.put("LOCAL_SERVICES", "alert-ingest-service,incident-service,notification-service,postmortem-service");
        environment.put("DATA_DIR", dataDir.toString());
        environment.put("DEMO_INTEGRATION_KEY", INTEGRATION_KEY);
        environment.put("API_TOKEN", Http.API_TOKEN);
        environment.put("DEMO_SLACK_USER_ID", SLACK_USER);
        environment.put("SLACK_API_URL", slack.apiUrl());
        environment.put("SLACK_BOT_TOKEN", "xoxb-system-test");
        environment.put("SLACK_SIGNING_SECRET", SlackStandIn.SIGNING_SECRET);
        // The page shows the deploy reported first; on two loaded cores its first lookup may take longer than 250 ms.
        environment.put("RECENT_CHANGES_PAGE_LOOKUP_LIMIT", "10s");
        system = new LocalSystem(environment, new PrintStream(System.out, true));
        system.start();
        kafka = new EventTopics(bootstrapServers(system), "system-test");
    }

    @AfterAll
    void stopSystem() {
        if (kafka != null) {
            kafka.close();
        }
        if (system != null) {
            system.close();
        }
        slack.close();
    }

    @Test
    @Order(1)
    void rejectedAlertsGetAProblemAndOpenNothing() {
        Http.Response unknownKey = Http.postJson(ingest("/integrations/not-a-key/generic"),
                "{\"summary\":\"Disk full\",\"severity\":\"critical\",\"dedupKey\":\"disk\"}");
        Http.Response missingFields = Http.postJson(ingest("/integrations/" + INTEGRATION_KEY + "/generic"),
                "{\"dedupKey\":\"disk\"}");

        assertThat(unknownKey.status()).isEqualTo(401);
        assertThat(unknownKey.header("Content-Type")).startsWith("application/problem+json");
        assertThat(missingFields.status()).isEqualTo(400);
        assertThat(missingFields.header("Content-Type")).startsWith("application/problem+json");
        assertThat(missingFields.body()).contains("summary").contains("severity");
        assertThat(kafka.readAll(List.of(Topics.ALERTS))).isEmpty();
    }

    @Test
    @Order(2)
    void aDeployReportedAsAPagerDutyChangeEventIsAccepted() {
        Http.Response change = Http.postJson(ingest("/v2/change/enqueue"), """
                {"routing_key":"%s","payload":{"summary":"Deployed checkout 2026.12.01-1","source":"deploy-pipeline"},
                 "links":[{"href":"https://ci.example.com/deploys/2026.12.01-1","text":"Deploy 2026.12.01-1"}]}"""
                .formatted(INTEGRATION_KEY));

        assertThat(change.status()).isEqualTo(202);
        assertThat(change.json().get("status").asString()).isEqualTo("success");
        assertThat(change.json().get("message").asString()).isEqualTo("Change event processed");
        assertThat(incidents()).as("a change is no problem: it opens no incident").isEmpty();
        // Changes and alerts travel on topics of their own: a page lists the changes stored before it is requested.
        await().atMost(Duration.ofSeconds(30)).until(() -> kafka.consumedAll("incident-service", Topics.CHANGES));
    }

    @Test
    @Order(3)
    void anAlertOpensAnIncidentAndPagesTheOnCallResponderInSlack() {
        Http.Response accepted = Http.postJson(ingest("/integrations/" + INTEGRATION_KEY + "/generic"),
                "{\"summary\":\"Checkout latency above 2s\",\"severity\":\"critical\",\"dedupKey\":\"checkout-latency\"}");
        Instant acceptedAt = Instant.now();
        assertThat(accepted.status()).isEqualTo(202);

        JsonNode incident = await().atMost(Duration.ofSeconds(30)).until(this::onlyIncident, found -> found != null);
        incidentId = incident.get("id").asString();
        assertThat(incident.get("status").asString()).isEqualToIgnoringCase("triggered");
        assertThat(incident.get("serviceId").asString()).isEqualTo("checkout-api");

        SlackCall page = await().atMost(Duration.ofSeconds(30))
                .until(() -> slack.calls("chat.postMessage"), calls -> !calls.isEmpty()).getFirst();
        String blocks = page.field("blocks");
        assertThat(blocks).contains(incidentId).contains("incident_acknowledge").contains("incident_resolve");
        assertThat(blocks).as("the deploy reported before is on the page").contains("Deployed checkout 2026.12.01-1");
        System.out.printf("202 → Slack chat.postMessage: %d ms%n",
                Duration.between(acceptedAt, page.at()).toMillis());

        Http.Response sameProblemAgain = Http.postJson(ingest("/integrations/" + INTEGRATION_KEY + "/generic"),
                "{\"summary\":\"Checkout latency above 2s\",\"severity\":\"critical\",\"dedupKey\":\"checkout-latency\"}");
        assertThat(sameProblemAgain.status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> incidentDetails(incidentId).get("alerts").get(0).get("count").asInt() == 2);
        assertThat(incidents()).hasSize(1);
        assertThat(slack.calls("chat.postMessage")).hasSize(1);
    }

    @Test
    @Order(4)
    void acknowledgingFromSlackUpdatesTheIncidentAndTheMessage() {
        String body = SlackStandIn.buttonClick(SLACK_USER, "incident_acknowledge", incidentId);
        long timestamp = Instant.now().getEpochSecond();

        Http.Response click = Http.postForm(notification("/slack/interactions"), body, Map.of(
                "X-Slack-Request-Timestamp", String.valueOf(timestamp),
                "X-Slack-Signature", SlackStandIn.signature(SlackStandIn.SIGNING_SECRET, timestamp, body)));

        assertThat(click.status()).isEqualTo(200);
        JsonNode acknowledged = await().atMost(Duration.ofSeconds(30))
                .until(() -> incidentDetails(incidentId), found -> found.get("status").asString().equalsIgnoreCase("acknowledged"));
        assertThat(acknowledged.toString()).contains("Alex Rivera");
        SlackCall update = await().atMost(Duration.ofSeconds(30))
                .until(() -> slack.calls("chat.update"), calls -> !calls.isEmpty()).getFirst();
        assertThat(update.field("ts")).isEqualTo(SlackStandIn.MESSAGE_TS);
        assertThat(update.field("text")).containsIgnoringCase("acknowledged");
        assertThat(await().atMost(Duration.ofSeconds(30)).until(this::threadLines, lines -> lines.size() == 1).getFirst())
                .as("the acknowledgement is also a line in the page's thread").containsIgnoringCase("acknowledged");
    }

    @Test
    @Order(5)
    void aForgedSlackClickIsRefused() {
        String body = SlackStandIn.buttonClick(SLACK_USER, "incident_resolve", incidentId);
        long timestamp = Instant.now().getEpochSecond();

        Http.Response click = Http.postForm(notification("/slack/interactions"), body, Map.of(
                "X-Slack-Request-Timestamp", String.valueOf(timestamp),
                "X-Slack-Signature", SlackStandIn.signature("not-the-secret", timestamp, body)));

        assertThat(click.status()).isEqualTo(401);
        // An accepted press is on incident-commands before Slack gets its 200 (the command is sent synchronously).
        assertThat(kafka.events(Topics.INCIDENT_COMMANDS, IncidentCommand.class).stream().map(ReceivedEvent::data))
                .noneMatch(command -> command instanceof ResolveIncident resolve && resolve.incidentId().equals(incidentId));
        assertThat(incidentDetails(incidentId).get("status").asString()).isEqualToIgnoringCase("acknowledged");
    }

    @Test
    @Order(6)
    void resolvingDraftsAPostmortemWithTheIncidentsTimelineAndTheDeployBeforeIt() {
        Http.Response resolved = Http.postJson(incidents("/incidents/" + incidentId + "/resolve"), "{}");
        assertThat(resolved.status()).isEqualTo(200);

        JsonNode postmortem = await().atMost(Duration.ofSeconds(30))
                .until(() -> postmortemsOf(incidentId), found -> found.size() == 1).get(0);
        assertThat(postmortem.get("status").asString()).isEqualToIgnoringCase("draft");
        assertThat(postmortem.get("title").asString()).contains("Checkout latency above 2s");
        assertThat(postmortem.get("serviceId").asString()).isEqualTo("checkout-api");
        assertThat(postmortem.has("timeToAcknowledge")).isTrue();
        assertThat(postmortem.has("timeToResolve")).isTrue();
        assertThat(postmortem.get("timeline").size()).isGreaterThanOrEqualTo(4);
        Http.Response byId = Http.get(postmortemService("/postmortems/" + postmortem.get("id").asString()));
        assertThat(byId.status()).isEqualTo(200);
        assertThat(byId.json().get("incidentId").asString()).isEqualTo(incidentId);
        JsonNode withTheDeploy = await().atMost(Duration.ofSeconds(30)).until(
                () -> Http.get(postmortemService("/postmortems/" + postmortem.get("id").asString())).json(),
                found -> found.get("changes").size() == 1);
        assertThat(withTheDeploy.get("changes").get(0).get("summary").asString()).isEqualTo("Deployed checkout 2026.12.01-1");
        assertThat(withTheDeploy.get("timeline").get(0).get("kind").asString()).isEqualTo("change");
        await().atMost(Duration.ofSeconds(30)).until(() -> slack.calls("chat.update").size() >= 2);
        assertThat(await().atMost(Duration.ofSeconds(30)).until(this::threadLines, lines -> lines.size() == 2).getLast())
                .containsIgnoringCase("resolved");
    }

    @Test
    @Order(7)
    void redeliveredEventsMakeNoSecondIncidentPageOrPostmortem() throws Exception {
        List<ConsumerRecord<byte[], byte[]>> everything = kafka.readAll(List.of(Topics.ALERTS, Topics.CHANGES,
                Topics.INCIDENTS, Topics.PAGES, Topics.PAGE_OUTCOMES, Topics.INCIDENT_COMMANDS));
        int messagesPosted = slack.calls("chat.postMessage").size();
        int messagesUpdated = slack.calls("chat.update").size();
        int timelineLength = incidentDetails(incidentId).get("timeline").size();

        kafka.redeliver(everything);
        await().atMost(Duration.ofSeconds(60)).until(kafka::consumersCaughtUp);

        assertThat(incidents()).hasSize(1);
        assertThat(incidentDetails(incidentId).get("status").asString()).isEqualToIgnoringCase("resolved");
        assertThat(incidentDetails(incidentId).get("timeline").size()).isEqualTo(timelineLength);
        assertThat(slack.calls("chat.postMessage")).hasSize(messagesPosted);
        assertThat(slack.calls("chat.update")).hasSize(messagesUpdated);
        assertThat(postmortemsOf(incidentId)).hasSize(1);
        String postmortemId = postmortemsOf(incidentId).getFirst().get("id").asString();
        assertThat(Http.get(postmortemService("/postmortems/" + postmortemId)).json().get("changes")).hasSize(1);
    }

    @Test
    @Order(8)
    void aRealAlertmanagersGroupIsOneIncidentPagedOnceThatResolvesWithItsLastAlert() throws Exception {
        assumeTrue(AlertmanagerProcess.installed(), "prometheus-alertmanager is not installed");
        Http.Response created = Http.postJson(ingest("/integrations"),
                "{\"serviceId\":\"checkout-api\",\"name\":\"Prometheus\",\"type\":\"alertmanager\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String key = created.json().get("key").get("secret").asString();
        List<String> firstFive = List.of("web-1", "web-2", "web-3", "web-4", "web-5");
        List<String> all = List.of("web-1", "web-2", "web-3", "web-4", "web-5", "web-6", "web-7");

        try (AlertmanagerProcess alertmanager = AlertmanagerProcess.notifying(ingest("/integrations/" + key + "/alertmanager"))) {
            alertmanager.fire("CheckoutErrors", firstFive);
            JsonNode opened = await().atMost(Duration.ofSeconds(60)).until(() -> incidentOfGroup("CheckoutErrors"),
                    found -> found != null && found.get("alertCounts").get("total").asInt() == 5);
            String groupIncident = opened.get("id").asString();

            alertmanager.fire("CheckoutErrors", all);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> incidentDetails(groupIncident).get("alertCounts").get("total").asInt() == 7);

            alertmanager.resolve("CheckoutErrors", all);
            JsonNode resolved = await().atMost(Duration.ofSeconds(60)).until(() -> incidentDetails(groupIncident),
                    found -> found.get("status").asString().equalsIgnoreCase("resolved"));

            assertThat(resolved.get("resolvedBy").get("id").asString()).isEqualTo("auto-resolve");
            assertThat(incidents().stream().filter(incident -> incident.get("title").asString().contains("CheckoutErrors")))
                    .hasSize(1);
            assertThat(kafka.events(Topics.PAGES, PageEvent.class).stream()
                    .filter(page -> page.data().incidentId().equals(groupIncident))).as("paged once").hasSize(1);
        }
    }

    private JsonNode incidentOfGroup(String alertname) {
        return incidents().stream().filter(incident -> incident.get("title").asString().contains(alertname))
                .findFirst().map(incident -> incidentDetails(incident.get("id").asString())).orElse(null);
    }

    /** The texts of the messages posted into the page's thread (a {@code thread_ts} of the page's message). */
    private List<String> threadLines() {
        return slack.calls("chat.postMessage").stream()
                .filter(post -> post.field("thread_ts").equals(SlackStandIn.MESSAGE_TS))
                .map(post -> post.field("text")).toList();
    }

    private JsonNode onlyIncident() {
        List<JsonNode> all = incidents();
        return all.size() == 1 ? all.getFirst() : null;
    }

    private List<JsonNode> incidents() {
        return items(Http.get(incidents("/incidents")).json());
    }

    private JsonNode incidentDetails(String id) {
        return Http.get(incidents("/incidents/" + id)).json();
    }

    private List<JsonNode> postmortemsOf(String id) {
        return items(Http.get(postmortemService("/postmortems?incidentId=" + id)).json());
    }

    /** A list answer, either a bare array or a page object with its items. */
    private static List<JsonNode> items(JsonNode answer) {
        JsonNode list = answer.isArray() ? answer : answer.has("items") ? answer.get("items") : answer.get("content");
        return StreamSupport.stream(list.spliterator(), false).toList();
    }

    private String ingest(String path) {
        return "http://localhost:" + ports.get("ALERT_INGEST_PORT") + path;
    }

    private String incidents(String path) {
        return "http://localhost:" + ports.get("INCIDENT_PORT") + path;
    }

    private String notification(String path) {
        return "http://localhost:" + ports.get("NOTIFICATION_PORT") + path;
    }

    private String postmortemService(String path) {
        return "http://localhost:" + ports.get("POSTMORTEM_PORT") + path;
    }
}
