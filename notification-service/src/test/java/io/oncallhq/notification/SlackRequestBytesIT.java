package io.oncallhq.notification;

import io.oncallhq.contracts.command.AcknowledgeIncident;
import io.oncallhq.notification.config.NotificationProperties;
import io.oncallhq.standins.FormEncoding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static io.oncallhq.standins.SlackStandIn.ALEX_SLACK_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Slack's requests byte for byte: each is verified over the body exactly as received, however its fields are
 * percent-encoded, and acted on as read from those same bytes. The bodies under {@code slack-requests/} are frozen
 * (see the README there); the others are built from today's page message. All go through the real HTTP stack.
 */
class SlackRequestBytesIT extends RunningNotificationService {

    private final JsonMapper json = JsonMapper.builder().build();
    @Autowired
    NotificationProperties properties;

    @ParameterizedTest
    @CsvSource({"block_actions-slack.txt, inc-frozen-slack", "block_actions-percent-20.txt, inc-frozen-percent-20",
            "block_actions-uri-component.txt, inc-frozen-uri-component"})
    void aFrozenPressIsVerifiedOverItsExactBytesAndActs(String file, String incidentId) throws Exception {
        alexIsPagedAbout(incidentId);

        HttpResponse<String> answer = postSigned("/slack/interactions", frozen(file), SIGNING_SECRET, Map.of());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(await().atMost(PATIENCE).until(() -> commandsAbout(incidentId), found -> !found.isEmpty()))
                .singleElement().isInstanceOf(AcknowledgeIncident.class);
    }

    @ParameterizedTest
    @EnumSource(FormEncoding.class)
    void aPressOnTodaysPageMessageActsHoweverItsFormIsEncoded(FormEncoding encoding) throws Exception {
        String incidentId = "inc-" + UUID.randomUUID();
        alexIsPagedAbout(incidentId);

        HttpResponse<String> answer = postSigned("/slack/interactions",
                encoding.form("payload", buttonPress("incident_acknowledge", incidentId)), SIGNING_SECRET, Map.of());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(await().atMost(PATIENCE).until(() -> commandsAbout(incidentId), found -> !found.isEmpty()))
                .singleElement().isInstanceOf(AcknowledgeIncident.class);
    }

    @Test
    void aPressWithOneByteChangedIsRefusedAndPublishesNothing() throws Exception {
        String incidentId = "inc-" + UUID.randomUUID();
        alexIsPagedAbout(incidentId);
        String body = FormEncoding.SLACK.form("payload", buttonPress("incident_acknowledge", incidentId));
        String sameWhenDecoded = body.replaceFirst("%2A", "%2a");

        HttpResponse<String> answer = postForm("/slack/interactions", sameWhenDecoded,
                slackSignatureHeaders(body, SIGNING_SECRET));

        assertRefusedAs(answer, 401, "Invalid Slack signature");
        String marker = publishMarkerCommand();
        await().atMost(PATIENCE).until(() -> commandsAbout(marker).size() == 1);
        assertThat(commandsAbout(incidentId)).isEmpty();
    }

    @Test
    void theFrozenSlashCommandIsVerifiedOverItsExactBytesAndActs() throws Exception {
        String incidentId = "inc-frozen-command";
        alexIsPagedAbout(incidentId);

        HttpResponse<String> answer = postSigned("/slack/commands", frozen("command-ack.txt"), SIGNING_SECRET,
                Map.of());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(json.readTree(answer.body()).get("text").asString())
                .contains("Acknowledging incident " + incidentId);
        assertThat(await().atMost(PATIENCE).until(() -> commandsAbout(incidentId), found -> !found.isEmpty()))
                .singleElement().isInstanceOf(AcknowledgeIncident.class);
    }

    @Test
    void theFrozenGapsCommandIsAnsweredWithTheCoverageGapsOfTheCallersTeamOnly() throws Exception {
        INCIDENT_SERVICE.answers("/responders", """
                [{"id": "alex", "name": "Alex Rivera", "slackUserId": "%s"},
                 {"id": "kim", "name": "Kim Park", "slackUserId": "U0KIM"}]""".formatted(ALEX_SLACK_ID));
        INCIDENT_SERVICE.answers("/teams", """
                [{"id": "payments", "name": "Payments", "members": ["alex"]},
                 {"id": "search", "name": "Search", "members": ["kim"]}]""");
        INCIDENT_SERVICE.answers("/services", """
                [{"id": "checkout-api", "name": "Checkout API", "teamId": "payments", "escalationPolicy": []},
                 {"id": "search-api", "name": "Search API", "teamId": "search", "escalationPolicy": []}]""");
        INCIDENT_SERVICE.answers("/services/checkout-api/coverage", """
                {"serviceId": "checkout-api", "gaps": [{"level": 1, "message":
                 "Checkout API, level 1: nobody on call from Dec 8 02:00 to Dec 8 06:00 UTC (Payments primary)"}]}""");
        INCIDENT_SERVICE.answers("/services/search-api/coverage", """
                {"serviceId": "search-api", "gaps": [{"level": 2, "message":
                 "Search API, level 2: nobody on call from Dec 9 00:00 to Dec 9 08:00 UTC (Search nights)"}]}""");

        HttpResponse<String> answer = postSigned("/slack/commands", frozen("command-gaps.txt"), SIGNING_SECRET,
                Map.of());

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode reply = json.readTree(answer.body());
        assertThat(reply.get("response_type").asString()).isEqualTo("ephemeral");
        assertThat(reply.get("text").asString()).isEqualTo("""
                Coverage gaps in the next 4 weeks for Payments:
                • Checkout API, level 1: nobody on call from Dec 8 02:00 to Dec 8 06:00 UTC (Payments primary)""");
    }

    @Test
    void aSlashCommandWithOneByteChangedIsRefusedAndPublishesNothing() throws Exception {
        String incidentId = "inc-" + UUID.randomUUID();
        alexIsPagedAbout(incidentId);
        String body = slashCommandForm(ALEX_SLACK_ID, "ack " + incidentId);
        String sameWhenDecoded = body.replaceFirst("%2F", "%2f");

        HttpResponse<String> answer = postForm("/slack/commands", sameWhenDecoded,
                slackSignatureHeaders(body, SIGNING_SECRET));

        assertRefusedAs(answer, 401, "Invalid Slack signature");
        String marker = publishMarkerCommand();
        await().atMost(PATIENCE).until(() -> commandsAbout(marker).size() == 1);
        assertThat(commandsAbout(incidentId)).isEmpty();
    }

    @Test
    void aSignedBodyOverTheLimitIsRefusedWith413AndPublishesNothing() throws Exception {
        String incidentId = "inc-" + UUID.randomUUID();
        alexIsPagedAbout(incidentId);
        String body = oversizedPress(incidentId);

        HttpResponse<String> declared = postForm("/slack/interactions", body,
                slackSignatureHeaders(body, SIGNING_SECRET));
        HttpResponse<String> chunked = postChunked("/slack/interactions", body,
                slackSignatureHeaders(body, SIGNING_SECRET));

        assertRefusedAs(declared, 413, "Request body too large");
        assertRefusedAs(chunked, 413, "Request body too large");
        String marker = publishMarkerCommand();
        await().atMost(PATIENCE).until(() -> commandsAbout(marker).size() == 1);
        assertThat(commandsAbout(incidentId)).isEmpty();
    }

    /** A genuine press, one byte over the limit with a field Slack does not send. */
    private String oversizedPress(String incidentId) {
        String press = FormEncoding.SLACK.form("payload", buttonPress("incident_acknowledge", incidentId))
                + "&padding=";
        long limit = properties.slack().maxRequestBody().toBytes();
        return press + "x".repeat(Math.toIntExact(limit + 1 - press.length()));
    }

    /** Without a {@code Content-Length}: the body streams in chunks. */
    private HttpResponse<String> postChunked(String path, String body, Map<String, String> headers) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.US_ASCII);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void assertRefusedAs(HttpResponse<String> answer, int status, String title) {
        assertThat(answer.statusCode()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(answer.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isEqualTo(title);
    }

    /** The exact bytes of a frozen body (all ASCII: Slack percent-encodes everything else). */
    private static String frozen(String file) throws IOException {
        try (InputStream in = SlackRequestBytesIT.class.getResourceAsStream("/slack-requests/" + file)) {
            assertThat(in).as(file).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }
}
