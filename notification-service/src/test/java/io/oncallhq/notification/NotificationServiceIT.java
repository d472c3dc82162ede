package io.oncallhq.notification;

import com.slack.api.app_backend.SlackSignature;
import io.oncallhq.contracts.Actor;
import io.oncallhq.contracts.Severity;
import io.oncallhq.contracts.Topics;
import io.oncallhq.contracts.command.AcknowledgeIncident;
import io.oncallhq.contracts.command.EscalateIncident;
import io.oncallhq.contracts.command.IncidentCommand;
import io.oncallhq.contracts.command.ResolveIncident;
import io.oncallhq.contracts.incident.IncidentAcknowledged;
import io.oncallhq.contracts.page.PageDelivered;
import io.oncallhq.contracts.page.PageFailed;
import io.oncallhq.contracts.page.PageOutcomeEvent;
import io.oncallhq.contracts.page.PageRequested;
import io.oncallhq.contracts.page.PageTarget;
import io.oncallhq.contracts.page.PagedBecause;
import io.oncallhq.contracts.page.RecentChange;
import io.oncallhq.localruntime.EventTopics;
import io.oncallhq.localruntime.LocalMongo;
import io.oncallhq.standins.SlackCall;
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
import java.util.UUID;
import java.util.stream.StreamSupport;

import static io.oncallhq.standins.SlackStandIn.ALEX_DM;
import static io.oncallhq.standins.SlackStandIn.ALEX_SLACK_ID;
import static io.oncallhq.standins.SlackStandIn.GONE_SLACK_ID;
import static io.oncallhq.standins.SlackStandIn.MESSAGE_TS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Paging through Slack and button presses, end to end through the running service. */
class NotificationServiceIT extends RunningNotificationService {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aPageRequestBecomesOneSlackDirectMessageWithButtonsEvenWhenRedelivered() throws Exception {
        String incidentId = "inc-" + UUID.randomUUID();
        PageRequested page = pageRequested(incidentId, ALEX_SLACK_ID);
        ProducerRecord<byte[], byte[]> request = kafka.record(Topics.PAGES, page, "event-" + UUID.randomUUID());
        kafka.send(request);

        PageDelivered delivered = (PageDelivered) awaitOutcome(page.pageId());
        assertThat(delivered.channel()).isEqualTo("slack");
        assertThat(delivered.destination()).isEqualTo(ALEX_DM);
        assertThat(delivered.messageRef()).isEqualTo(MESSAGE_TS);
        assertThat(SLACK.calls("conversations.open")).anyMatch(open -> ALEX_SLACK_ID.equals(open.field("users")));
        List<SlackCall> posts = postsAbout(incidentId);
        assertThat(posts).hasSize(1);
        assertThat(posts.getFirst().field("channel")).isEqualTo(ALEX_DM);
        assertThat(posts.getFirst().field("text")).startsWith("[CRITICAL] #7 Checkout latency high");
        assertThat(buttons(posts.getFirst())).containsExactly("incident_acknowledge=" + incidentId + " (primary)",
                "incident_escalate=" + incidentId + " (default)", "incident_resolve=" + incidentId + " (danger)");
        assertThat(sectionTexts(posts.getFirst())).noneMatch(text -> text.contains("Recent changes"));

        kafka.send(request); // the same record again: same ce_id, same page id
        await().atMost(PATIENCE).until(() -> kafka.consumedAll(GROUP, Topics.PAGES));

        assertThat(postsAbout(incidentId)).hasSize(1);
        assertThat(outcomesOf(page.pageId())).hasSize(1);
        assertThat(delivery(page.pageId()).getString("status")).isEqualTo("DELIVERED");
    }

    @Test
    void aPageGoesToSlackAndItsOutcomeToKafkaInTheTraceOfItsRequest() throws Exception {
        String incidentId = "inc-" + UUID.randomUUID();
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        PageRequested page = pageRequested(incidentId, ALEX_SLACK_ID);
        ProducerRecord<byte[], byte[]> request = kafka.record(Topics.PAGES, page, "event-" + UUID.randomUUID());
        request.headers().add("traceparent",
                ("00-" + traceId + "-00f067aa0ba902b7-01").getBytes(StandardCharsets.UTF_8));

        kafka.send(request);
        awaitOutcome(page.pageId());

        assertThat(SLACK.callsAbout("chat.postMessage", incidentId)).extracting(SlackCall::traceparent)
                .singleElement().asString().startsWith("00-" + traceId + "-");
        assertThat(kafka.readAll(Topics.PAGE_OUTCOMES)).filteredOn(record ->
                        EventTopics.header(record, "ce_subject").orElse("").equals(incidentId))
                .singleElement().satisfies(outcome -> assertThat(EventTopics.header(outcome, "traceparent"))
                        .hasValueSatisfying(traceparent -> assertThat(traceparent).startsWith("00-" + traceId + "-")));
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
        List<SlackCall> updates = updatesAbout(incidentId);
        assertThat(updates).hasSize(1);
        assertThat(updates.getFirst().field("channel")).isEqualTo(ALEX_DM);
        assertThat(updates.getFirst().field("ts")).isEqualTo(MESSAGE_TS);
        assertThat(updates.getFirst().field("text")).contains("acknowledged by Alex Rivera");
        assertThat(updates.getFirst().field("blocks")).contains("Acknowledged by Alex Rivera");
        assertThat(buttons(updates.getFirst())).containsExactly("incident_escalate=" + incidentId + " (default)",
                "incident_resolve=" + incidentId + " (danger)");
    }

    @Test
    void aPageShowsTheServicesRecentChangesAndStillDoesOnceAcknowledged() throws Exception {
        String incidentId = "inc-" + UUID.randomUUID();
        Instant pagedAt = Instant.now();
        PageRequested page = new PageRequested("page-" + UUID.randomUUID(), incidentId, 7, "checkout-api",
                "Checkout API", "Checkout latency high", Severity.CRITICAL, 1,
                new PageTarget("alex", "Alex Rivera", "alex@example.com", ALEX_SLACK_ID),
                "http://localhost:8082/incidents/" + incidentId, pagedAt, null, List.of(
                new RecentChange("Deployed checkout 2026.12.01-1", "deploy-pipeline",
                        pagedAt.minus(Duration.ofMinutes(10)), "https://ci.example.com/builds/1"),
                new RecentChange("Feature flag fast-checkout on", "flags", pagedAt.minus(Duration.ofHours(2)), null)));
        String changes = """
                *Recent changes*
                • 10 min before: <https://ci.example.com/builds/1|Deployed checkout 2026.12.01-1> (deploy-pipeline)
                • 2 h before: Feature flag fast-checkout on (flags)""";

        kafka.publish(Topics.PAGES, page, "event-" + UUID.randomUUID());
        awaitOutcome(page.pageId());
        assertThat(sectionTexts(postsAbout(incidentId).getFirst())).contains(changes);

        kafka.publish(Topics.INCIDENTS,
                new IncidentAcknowledged(incidentId, Actor.responder("alex", "Alex Rivera"), Instant.now()),
                "event-" + UUID.randomUUID());
        SlackCall update = await().atMost(PATIENCE).until(() -> updatesAbout(incidentId),
                found -> !found.isEmpty()).getFirst();
        assertThat(update.field("blocks")).contains("Acknowledged by Alex Rivera");
        assertThat(sectionTexts(update)).contains(changes);
    }

    @Test
    void aPageSaysInOneContextLineWhyTheResponderWasChosen() throws Exception {
        String incidentId = "inc-" + UUID.randomUUID();
        String why = "on call in Payments primary, layer Weekly, Dec 7 09:00 – Dec 14 09:00 UTC";
        PageRequested page = new PageRequested("page-" + UUID.randomUUID(), incidentId, 7, "checkout-api",
                "Checkout API", "Checkout latency high", Severity.CRITICAL, 1,
                new PageTarget("alex", "Alex Rivera", "alex@example.com", ALEX_SLACK_ID),
                "http://localhost:8082/incidents/" + incidentId, Instant.now(), null, List.of(),
                new PagedBecause(PagedBecause.SCHEDULE, why, "payments-primary", "Payments primary", "Weekly",
                        Instant.parse("2026-12-07T09:00:00Z"), Instant.parse("2026-12-14T09:00:00Z"), null, null, null));

        kafka.publish(Topics.PAGES, page, "event-" + UUID.randomUUID());
        awaitOutcome(page.pageId());

        assertThat(contextTexts(postsAbout(incidentId).getFirst())).contains(":mag: Why you: " + why);
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
        alexIsPagedAbout(incidentId);

        HttpResponse<String> acknowledge = postInteraction(buttonPress("incident_acknowledge", incidentId), SIGNING_SECRET);
        HttpResponse<String> escalate = postInteraction(buttonPress("incident_escalate", incidentId), SIGNING_SECRET);
        HttpResponse<String> resolve = postInteraction(buttonPress("incident_resolve", incidentId), SIGNING_SECRET);
        HttpResponse<String> unknown = postInteraction(buttonPress("incident_open", incidentId), SIGNING_SECRET);

        assertThat(List.of(acknowledge.statusCode(), escalate.statusCode(), resolve.statusCode(), unknown.statusCode()))
                .containsOnly(200);
        assertThat(acknowledge.body()).isEmpty();
        List<IncidentCommand> commands = await().atMost(PATIENCE).until(() -> commandsAbout(incidentId),
                found -> found.size() >= 3);
        assertThat(commands).hasSize(3);
        assertThat(commands.getFirst()).isInstanceOf(AcknowledgeIncident.class);
        assertThat(commands.get(1)).isInstanceOf(EscalateIncident.class);
        assertThat(commands.get(2)).isInstanceOf(ResolveIncident.class);
        assertThat(commands).extracting(IncidentCommand::actor).containsOnly(Actor.slackUser(ALEX_SLACK_ID, "alex"));
    }

    @Test
    void aBadlySignedButtonPressIsRefusedAndPublishesNothing() throws Exception {
        String forgedIncidentId = "inc-" + UUID.randomUUID();
        String genuineIncidentId = "inc-" + UUID.randomUUID();
        alexIsPagedAbout(genuineIncidentId);

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

    private static List<SlackCall> postsAbout(String incidentId) {
        return SLACK.callsAbout("chat.postMessage", incidentId);
    }

    private static List<SlackCall> updatesAbout(String incidentId) {
        return SLACK.callsAbout("chat.update", incidentId);
    }

    /** The mrkdwn text of each section of a message, in order. */
    private List<String> sectionTexts(SlackCall message) {
        JsonNode blocks = json.readTree(message.field("blocks"));
        return StreamSupport.stream(blocks.spliterator(), false)
                .filter(block -> block.path("type").asString().equals("section"))
                .map(block -> block.path("text").path("text").asString())
                .toList();
    }

    /** The first text of each context block of a message, in order. */
    private List<String> contextTexts(SlackCall message) {
        JsonNode blocks = json.readTree(message.field("blocks"));
        return StreamSupport.stream(blocks.spliterator(), false)
                .filter(block -> block.path("type").asString().equals("context"))
                .map(block -> block.path("elements").path(0).path("text").asString())
                .toList();
    }

    /** Each button of a message as {@code action_id=value (style)}. */
    private List<String> buttons(SlackCall message) {
        JsonNode blocks = json.readTree(message.field("blocks"));
        return StreamSupport.stream(blocks.spliterator(), false)
                .filter(block -> block.path("type").asString().equals("actions"))
                .flatMap(block -> StreamSupport.stream(block.get("elements").spliterator(), false))
                .map(button -> button.get("action_id").asString() + "=" + button.get("value").asString()
                        + " (" + button.path("style").asString("default") + ")")
                .toList();
    }
}
