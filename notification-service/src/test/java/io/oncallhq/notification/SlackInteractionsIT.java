package io.oncallhq.notification;

import io.oncallhq.contracts.Actor;
import io.oncallhq.contracts.Topics;
import io.oncallhq.contracts.command.AcknowledgeIncident;
import io.oncallhq.contracts.command.EscalateIncident;
import io.oncallhq.contracts.command.IncidentCommand;
import io.oncallhq.contracts.command.ResolveIncident;
import io.oncallhq.contracts.incident.IncidentAcknowledged;
import io.oncallhq.contracts.incident.IncidentResolved;
import io.oncallhq.contracts.page.PageRequested;
import io.oncallhq.standins.FormEncoding;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.oncallhq.standins.SlackStandIn.ALEX_SLACK_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Slack's requests to us: retried presses, stale buttons, strangers, rotated secrets and the slash command. */
class SlackInteractionsIT extends RunningNotificationService {

    private static final String STRANGER_SLACK_ID = "U0STRANGER";
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aButtonPressSlackRetriesActsOnlyOnce() throws Exception {
        String incidentId = "inc-" + UUID.randomUUID();
        alexIsPagedAbout(incidentId);
        String press = buttonPress("incident_acknowledge", incidentId);

        HttpResponse<String> first = postInteraction(press, SIGNING_SECRET);
        HttpResponse<String> retry = postSigned("/slack/interactions", FormEncoding.SLACK.form("payload", press),
                SIGNING_SECRET, Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"));

        assertThat(List.of(first.statusCode(), retry.statusCode())).containsOnly(200);
        String marker = publishMarkerCommand();
        await().atMost(PATIENCE).until(() -> commandsAbout(marker).size() == 1);
        assertThat(commandsAbout(incidentId)).hasSize(1).first().isInstanceOf(AcknowledgeIncident.class);
    }

    @Test
    void aPressOnAStaleButtonIsAnsweredEphemerallyAndPublishesNothing() throws Exception {
        String incidentId = "inc-" + UUID.randomUUID();
        PageRequested page = alexIsPagedAbout(incidentId);
        kafka.publish(Topics.INCIDENTS, new IncidentAcknowledged(incidentId, Actor.responder("sam", "Sam Lee"),
                Instant.parse("2026-11-22T09:30:00Z")), "event-" + UUID.randomUUID());
        awaitShown(page, "ACKNOWLEDGED");

        HttpResponse<String> click = postInteraction(buttonPress("incident_acknowledge", incidentId), SIGNING_SECRET);

        assertThat(click.statusCode()).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> SLACK.ephemeralsTo(ALEX_SLACK_ID).stream()
                .anyMatch(reply -> reply.field("text").contains("already acknowledged by Sam Lee")
                        && reply.field("text").contains("2026-11-22 09:30 UTC")));
        String marker = publishMarkerCommand();
        await().atMost(PATIENCE).until(() -> commandsAbout(marker).size() == 1);
        assertThat(commandsAbout(incidentId)).isEmpty();
    }

    @Test
    void aPressByASlackUserWhoIsNoKnownResponderExplainsHowToLinkAndPublishesNothing() throws Exception {
        String incidentId = "inc-" + UUID.randomUUID();
        alexIsPagedAbout(incidentId);

        HttpResponse<String> click = postInteraction(buttonPress(STRANGER_SLACK_ID, "incident_resolve", incidentId),
                SIGNING_SECRET);

        assertThat(click.statusCode()).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> SLACK.ephemeralsTo(STRANGER_SLACK_ID).stream()
                .anyMatch(reply -> reply.field("text").contains("not linked")
                        && reply.field("text").contains(STRANGER_SLACK_ID)));
        String marker = publishMarkerCommand();
        await().atMost(PATIENCE).until(() -> commandsAbout(marker).size() == 1);
        assertThat(commandsAbout(incidentId)).isEmpty();
    }

    @Test
    void aPressSignedWithThePreviousSecretIsAcceptedDuringARotation() throws Exception {
        String incidentId = "inc-" + UUID.randomUUID();
        alexIsPagedAbout(incidentId);

        HttpResponse<String> click = postInteraction(buttonPress("incident_resolve", incidentId), PREVIOUS_SIGNING_SECRET);

        assertThat(click.statusCode()).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> commandsAbout(incidentId).size() == 1);
        assertThat(commandsAbout(incidentId).getFirst()).isInstanceOf(ResolveIncident.class);
    }

    @Test
    void slashCommandAckByNumberPublishesTheCommandAndAnswersEphemerally() throws Exception {
        String incidentId = "inc-" + UUID.randomUUID();
        alexIsPagedAbout(incidentId);
        INCIDENT_SERVICE.answers("/incidents?limit=500", "[" + incidentJson(incidentId, 4242, "TRIGGERED") + "]");

        HttpResponse<String> answer = slashCommand(ALEX_SLACK_ID, "ack 4242");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode body = json.readTree(answer.body());
        assertThat(body.get("response_type").asString()).isEqualTo("ephemeral");
        assertThat(body.get("text").asString()).contains("Acknowledging incident 4242");
        List<IncidentCommand> commands = await().atMost(PATIENCE).until(() -> commandsAbout(incidentId),
                found -> !found.isEmpty());
        assertThat(commands.getFirst()).isEqualTo(new AcknowledgeIncident(incidentId,
                Actor.slackUser(ALEX_SLACK_ID, "alex"), commands.getFirst().requestedAt()));
    }

    @Test
    void slashCommandEscalatePublishesTheCommandButNotForAResolvedIncident() throws Exception {
        String open = alexIsPagedAbout("inc-" + UUID.randomUUID()).incidentId();
        PageRequested resolvedPage = alexIsPagedAbout("inc-" + UUID.randomUUID());
        String resolved = resolvedPage.incidentId();
        kafka.publish(Topics.INCIDENTS, new IncidentResolved(resolved, Actor.responder("sam", "Sam Lee"), "fixed",
                Instant.parse("2026-11-22T09:30:00Z")), "event-" + UUID.randomUUID());
        awaitShown(resolvedPage, "RESOLVED");

        String escalating = json.readTree(slashCommand(ALEX_SLACK_ID, "escalate " + open).body()).get("text").asString();
        String refused = json.readTree(slashCommand(ALEX_SLACK_ID, "escalate " + resolved).body()).get("text").asString();

        assertThat(escalating).contains("Escalating incident " + open);
        assertThat(refused).contains("already resolved by Sam Lee");
        assertThat(await().atMost(PATIENCE).until(() -> commandsAbout(open), found -> !found.isEmpty()))
                .singleElement().isInstanceOf(EscalateIncident.class);
        String marker = publishMarkerCommand();
        await().atMost(PATIENCE).until(() -> commandsAbout(marker).size() == 1);
        assertThat(commandsAbout(resolved)).isEmpty();
    }

    @Test
    void slashCommandListShowsTheOpenIncidentsTheUserWasPagedAbout() throws Exception {
        PageRequested mine = alexIsPagedAbout("inc-" + UUID.randomUUID());
        INCIDENT_SERVICE.answers("/incidents?limit=500&status=triggered", "[" + incidentJson(mine.incidentId(), 77,
                "TRIGGERED") + "," + incidentJson("inc-someone-elses", 78, "TRIGGERED") + "]");
        INCIDENT_SERVICE.answers("/incidents?limit=500&status=acknowledged", "[]");

        String text = json.readTree(slashCommand(ALEX_SLACK_ID, "list").body()).get("text").asString();

        assertThat(text).contains("#77").contains(mine.incidentId()).doesNotContain("#78");
    }

    @Test
    void slashCommandOncallNamesTheFirstLevelOfTheTeamsServices() throws Exception {
        INCIDENT_SERVICE.answers("/teams", "[{\"id\":\"payments\",\"name\":\"Payments\"},{\"id\":\"search\",\"name\":\"Search\"}]");
        INCIDENT_SERVICE.answers("/responders", "[{\"id\":\"alex\",\"name\":\"Alex Rivera\",\"slackUserId\":\"U0ALEX\"},"
                + "{\"id\":\"kim\",\"name\":\"Kim Park\",\"slackUserId\":null}]");
        INCIDENT_SERVICE.answers("/services", "[{\"id\":\"checkout-api\",\"name\":\"Checkout API\",\"teamId\":\"payments\","
                + "\"escalationPolicy\":[{\"level\":1,\"responderIds\":[\"alex\"],\"scheduleIds\":[]},"
                + "{\"level\":2,\"responderIds\":[\"kim\"],\"scheduleIds\":[]}]},"
                + "{\"id\":\"search-api\",\"name\":\"Search API\",\"teamId\":\"search\","
                + "\"escalationPolicy\":[{\"level\":1,\"responderIds\":[\"kim\"],\"scheduleIds\":[]}]},"
                + "{\"id\":\"payments-batch\",\"name\":\"Payments Batch\",\"teamId\":\"payments\","
                + "\"escalationPolicy\":[{\"level\":1,\"responderIds\":[],\"scheduleIds\":[\"payments-primary\"]}]}]");
        INCIDENT_SERVICE.answers("/schedules/payments-primary/oncall",
                "{\"scheduleId\":\"payments-primary\",\"at\":\"2026-11-22T09:00:00Z\",\"responderId\":\"kim\"}");

        String text = json.readTree(slashCommand(ALEX_SLACK_ID, "oncall payments").body()).get("text").asString();

        assertThat(text).contains("Payments").contains("*Checkout API*: Alex Rivera (<@U0ALEX>)")
                .contains("*Payments Batch*: Kim Park (schedule payments-primary)").doesNotContain("Search API");
    }

    @Test
    void slashCommandSaysSoWhenIncidentServiceIsTooSlow() throws Exception {
        INCIDENT_SERVICE.tooSlowOn("/incidents?limit=500&status=triggered");

        HttpResponse<String> answer = slashCommand(ALEX_SLACK_ID, "list");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(json.readTree(answer.body()).get("text").asString()).contains("not reachable");
    }

    @Test
    void aBadlySignedSlashCommandIsRefused() throws Exception {
        String body = slashCommandForm(ALEX_SLACK_ID, "ack 1");

        HttpResponse<String> answer = postSigned("/slack/commands", body, "not-the-secret", Map.of());

        assertThat(answer.statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> slashCommand(String slackUserId, String text) throws Exception {
        return postSigned("/slack/commands", slashCommandForm(slackUserId, text), SIGNING_SECRET, Map.of());
    }

    private static String incidentJson(String id, long number, String status) {
        return """
                {"id":"%s","number":%d,"serviceId":"checkout-api","serviceName":"Checkout API",
                 "title":"Checkout latency high","severity":"critical","status":"%s","alertCount":1}
                """.formatted(id, number, status);
    }
}
