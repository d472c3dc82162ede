package io.oncallhq.notification;

import io.oncallhq.contracts.Actor;
import io.oncallhq.contracts.Severity;
import io.oncallhq.contracts.Topics;
import io.oncallhq.contracts.command.AcknowledgeIncident;
import io.oncallhq.contracts.command.IncidentCommand;
import io.oncallhq.contracts.page.PageRequested;
import io.oncallhq.contracts.page.PageTarget;
import io.oncallhq.notification.slack.SlackPayloads;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.oncallhq.standins.SlackStandIn.ALEX_SLACK_ID;
import static io.oncallhq.standins.SlackStandIn.MESSAGE_TS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Who may press: the responders of incident-service's directory, or, while it cannot be reached, whoever was paged. */
class SlackLinkingIT extends RunningNotificationService {

    private static final String KIM_SLACK_ID = "U0KIM";
    private static final String STRANGER_SLACK_ID = "U0STRANGER";

    @Test
    void aResponderNeverPagedAcknowledgesFromTheTeamChannelMessage() throws Exception {
        directoryHasAlexAndKim();
        String team = "C" + UUID.randomUUID();
        String incidentId = alexIsPagedWithTheTeamChannel(team);

        HttpResponse<String> click = postInteraction(
                SlackPayloads.pressOnPage(KIM_SLACK_ID, "incident_acknowledge", incidentId, team, MESSAGE_TS),
                SIGNING_SECRET);

        assertThat(click.statusCode()).isEqualTo(200);
        List<IncidentCommand> commands = await().atMost(PATIENCE).until(() -> commandsAbout(incidentId),
                found -> !found.isEmpty());
        assertThat(commands).singleElement().isEqualTo(new AcknowledgeIncident(incidentId,
                Actor.slackUser(KIM_SLACK_ID, "alex"), commands.getFirst().requestedAt()));
    }

    @Test
    void aSlackUserTheDirectoryDoesNotKnowIsToldHowToLinkAndNothingIsPublished() throws Exception {
        directoryHasAlexAndKim();
        String team = "C" + UUID.randomUUID();
        String incidentId = alexIsPagedWithTheTeamChannel(team);

        HttpResponse<String> click = postInteraction(
                SlackPayloads.pressOnPage(STRANGER_SLACK_ID, "incident_acknowledge", incidentId, team, MESSAGE_TS),
                SIGNING_SECRET);

        assertThat(click.statusCode()).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> SLACK.ephemeralsTo(STRANGER_SLACK_ID).stream()
                .anyMatch(reply -> reply.field("text").contains("not linked") && team.equals(reply.field("channel"))));
        String marker = publishMarkerCommand();
        await().atMost(PATIENCE).until(() -> commandsAbout(marker).size() == 1);
        assertThat(commandsAbout(incidentId)).isEmpty();
    }

    @Test
    void whileIncidentServiceIsDownAPagedResponderStillActs() throws Exception {
        INCIDENT_SERVICE.failsOn("/responders");
        String incidentId = "inc-" + UUID.randomUUID();
        alexIsPagedAbout(incidentId);

        HttpResponse<String> click = postInteraction(buttonPress("incident_acknowledge", incidentId), SIGNING_SECRET);

        assertThat(click.statusCode()).isEqualTo(200);
        assertThat(await().atMost(PATIENCE).until(() -> commandsAbout(incidentId), found -> !found.isEmpty()))
                .singleElement().isInstanceOf(AcknowledgeIncident.class);
    }

    private static void directoryHasAlexAndKim() {
        INCIDENT_SERVICE.answers("/responders", """
                [{"id":"alex","name":"Alex Rivera","slackUserId":"%s","email":"alex@example.com"},
                 {"id":"kim","name":"Kim Park","slackUserId":"%s","email":null},
                 {"id":"robin","name":"Robin Ng","slackUserId":null}]""".formatted(ALEX_SLACK_ID, KIM_SLACK_ID));
    }

    /** Alex is paged at level 1 and the team channel gets the incident's message. */
    private String alexIsPagedWithTheTeamChannel(String team) throws Exception {
        String incidentId = "inc-" + UUID.randomUUID();
        PageRequested page = new PageRequested("page-" + UUID.randomUUID(), incidentId, 7, "checkout-api",
                "Checkout API", "Checkout latency high", Severity.CRITICAL, 1,
                new PageTarget("alex", "Alex Rivera", "alex@example.com", ALEX_SLACK_ID),
                "http://localhost:8082/incidents/" + incidentId, Instant.now(), team, List.of());
        kafka.publish(Topics.PAGES, page, "event-" + UUID.randomUUID());
        awaitOutcome(page.pageId());
        await().atMost(PATIENCE).until(() -> SLACK.calls("chat.postMessage").stream()
                .anyMatch(post -> team.equals(post.field("channel"))));
        return incidentId;
    }
}
