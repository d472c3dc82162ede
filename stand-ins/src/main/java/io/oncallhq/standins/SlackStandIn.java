package io.oncallhq.standins;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * The Slack Web API on a local port, for every test and benchmark that runs notification-service (its real Slack SDK
 * pointed at {@link #apiUrl()}), and the signing side of the requests Slack sends it. Every Slack user's DM channel is
 * {@link #ALEX_DM}, except a {@link #newUser()}'s, which is {@link #dmOf} them, and {@link #GONE_SLACK_ID}'s, which
 * Slack then claims not to know. Every message posted gets the ts {@link #MESSAGE_TS}.
 */
public final class SlackStandIn implements AutoCloseable {

    /** Slack's own example signing secret: give it to the service under test to accept {@link #signature}s. */
    public static final String SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    public static final String ALEX_SLACK_ID = "U0ALEX";
    public static final String ALEX_DM = "D0ALEX";
    public static final String GONE_SLACK_ID = "U0GONE";
    public static final String GONE_DM = "D0GONE";
    public static final String MESSAGE_TS = "1700000000.000100";

    // A test's own stubs outrank the defaults: what goes wrong (1), then a new user's own DM (2).
    private static final int MISBEHAVING = 1;
    private static final int OWN_DM = 2;

    private final WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());

    public SlackStandIn() {
        server.start();
        server.stubFor(method("conversations.open").willReturn(dmOpened(ALEX_DM)));
        server.stubFor(method("chat.postMessage").willReturn(posted(ALEX_DM)));
        server.stubFor(method("chat.update").willReturn(okJson(
                "{\"ok\":true,\"channel\":\"" + ALEX_DM + "\",\"ts\":\"" + MESSAGE_TS + "\"}")));
        server.stubFor(method("chat.postEphemeral")
                .willReturn(okJson("{\"ok\":true,\"message_ts\":\"" + MESSAGE_TS + "\"}")));
        // A retried page looks for itself in the DM first: empty unless a test says otherwise (dmAlreadyHoldsPage).
        server.stubFor(method("conversations.history").willReturn(okJson("{\"ok\":true,\"messages\":[]}")));
        server.stubFor(method("conversations.open").atPriority(OWN_DM).withRequestBody(containing(GONE_SLACK_ID))
                .willReturn(dmOpened(GONE_DM)));
        server.stubFor(postTo(GONE_DM).atPriority(MISBEHAVING)
                .willReturn(okJson("{\"ok\":false,\"error\":\"channel_not_found\"}")));
    }

    /** The Web API base URL: the service's {@code SLACK_API_URL}, the SDK's method URL prefix. */
    public String apiUrl() {
        return server.baseUrl() + "/api/";
    }

    /** A Slack user no other caller has, whose DM channel is {@link #dmOf} them: their messages stay apart. */
    public String newUser() {
        String slackUserId = "U" + UUID.randomUUID().toString().replace("-", "").substring(0, 10)
                .toUpperCase(Locale.ROOT);
        server.stubFor(method("conversations.open").atPriority(OWN_DM).withRequestBody(containing(slackUserId))
                .willReturn(dmOpened(dmOf(slackUserId))));
        server.stubFor(postTo(dmOf(slackUserId)).atPriority(OWN_DM).willReturn(posted(dmOf(slackUserId))));
        return slackUserId;
    }

    /** The DM channel of a {@link #newUser()}. */
    public static String dmOf(String slackUserId) {
        return "D" + slackUserId;
    }

    /**
     * Slack takes {@code delay} to open the DM of a {@link #newUser()} the first time: a send to them stays under way
     * that long.
     */
    public void opensDmSlowlyAtFirst(String slackUserId, Duration delay) {
        String scenario = "slow DM of " + slackUserId;
        server.stubFor(method("conversations.open").atPriority(MISBEHAVING).withRequestBody(containing(slackUserId))
                .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(dmOpened(dmOf(slackUserId)).withFixedDelay((int) delay.toMillis()))
                .willSetStateTo("open"));
    }

    /**
     * The DM of a {@link #newUser()} already holds a page message with that ts and the page id in its metadata, as if
     * an earlier attempt had posted it.
     */
    public void dmAlreadyHoldsPage(String slackUserId, String ts, String pageId) {
        server.stubFor(method("conversations.history").atPriority(OWN_DM).withRequestBody(containing(dmOf(slackUserId)))
                .willReturn(okJson("""
                        {"ok":true,"messages":[
                          {"type":"message","ts":"1700000999.000001","text":"hello"},
                          {"type":"message","ts":"%s","text":"page",
                           "metadata":{"event_type":"oncallhq_page","event_payload":{"page_id":"%s"}}}]}
                        """.formatted(ts, pageId))));
    }

    /** Messages posted to the channel are answered only after the delay, as Slack answers a channel it throttles. */
    public void postsSlowlyTo(String channel, Duration delay) {
        server.stubFor(postTo(channel).atPriority(MISBEHAVING)
                .willReturn(posted(channel).withFixedDelay((int) delay.toMillis())));
    }

    /** The first message posted to the channel is refused with 429 and a {@code Retry-After}; later ones go. */
    public void rateLimitsFirstPostTo(String channel, Duration retryAfter) {
        answerFirstPostTo(channel, aResponse().withStatus(429)
                .withHeader("Retry-After", String.valueOf(retryAfter.toSeconds()))
                .withHeader("Content-Type", "application/json").withBody("{\"ok\":false,\"error\":\"ratelimited\"}"));
    }

    /** The first message posted to the channel meets a 503; later ones go. */
    public void failsFirstPostTo(String channel) {
        answerFirstPostTo(channel, aResponse().withStatus(503).withBody("upstream unavailable"));
    }

    /** Every message posted to the channel meets a 500: Slack is down for it. */
    public void failsEveryPostTo(String channel) {
        server.stubFor(postTo(channel).atPriority(MISBEHAVING)
                .willReturn(aResponse().withStatus(500).withBody("internal error")));
    }

    /** Every call of the Slack method, in the order they came. */
    public List<SlackCall> calls(String method) {
        return server.findAll(postRequestedFor(urlEqualTo("/api/" + method))).stream().map(SlackStandIn::call).toList();
    }

    /** The calls of the Slack method to that channel. */
    public List<SlackCall> callsTo(String method, String channel) {
        return calls(method).stream().filter(call -> channel.equals(call.field("channel"))).toList();
    }

    /** The calls of the Slack method whose blocks mention the incident (its buttons carry the id). */
    public List<SlackCall> callsAbout(String method, String incidentId) {
        return calls(method).stream().filter(call -> call.field("blocks").contains(incidentId)).toList();
    }

    /** The ephemeral messages shown to the Slack user. */
    public List<SlackCall> ephemeralsTo(String slackUserId) {
        return calls("chat.postEphemeral").stream().filter(call -> slackUserId.equals(call.field("user"))).toList();
    }

    /**
     * A {@code block_actions} interaction as Slack sends it when the user clicks a button of a page in
     * {@link #ALEX_DM}: the message comes back with it (bold mrkdwn, a link, Slack's {@code \/} for every slash), and
     * the form is encoded as Slack encodes it ({@link FormEncoding#SLACK}, which its signature covers byte for byte).
     */
    public static String buttonClick(String slackUserId, String actionId, String value) {
        String payload = """
                {"type":"block_actions","user":{"id":"%s","username":"alex","name":"alex","team_id":"T0DEMO"},
                 "api_app_id":"A0DEMO","token":"legacy-verification-token","trigger_id":"13345224609.738474920.8088930838d88f008e0",
                 "team":{"id":"T0DEMO","domain":"demo"},
                 "container":{"type":"message","message_ts":"%s","channel_id":"%s","is_ephemeral":false},
                 "channel":{"id":"%s","name":"directmessage"},
                 "message":{"type":"message","ts":"%s","text":"Checkout latency high (Checkout API)","blocks":[
                   {"type":"section","text":{"type":"mrkdwn",
                    "text":"*Service:* Checkout API\\n<https:\\/\\/oncall.example.com\\/incidents\\/%s|View incident>"}}]},
                 "response_url":"https:\\/\\/hooks.slack.com\\/actions\\/T0DEMO\\/1\\/xyz",
                 "actions":[{"action_id":"%s","block_id":"incident_actions","text":{"type":"plain_text","text":"Acknowledge"},
                             "value":"%s","style":"primary","type":"button","action_ts":"1732267005.000300"}]}
                """.formatted(slackUserId, MESSAGE_TS, ALEX_DM, ALEX_DM, MESSAGE_TS, value, actionId, value);
        return FormEncoding.SLACK.form("payload", payload);
    }

    /** {@code v0=} + hex HMAC-SHA256 of {@code v0:<timestamp>:<body>}, as Slack signs requests. */
    public static String signature(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }

    private void answerFirstPostTo(String channel, ResponseDefinitionBuilder firstAnswer) {
        String scenario = "first post to " + channel;
        server.stubFor(postTo(channel).atPriority(MISBEHAVING).inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED).willReturn(firstAnswer).willSetStateTo("answered"));
    }

    private static MappingBuilder method(String method) {
        return post(urlEqualTo("/api/" + method));
    }

    private static MappingBuilder postTo(String channel) {
        return method("chat.postMessage").withRequestBody(containing("channel=" + channel));
    }

    private static ResponseDefinitionBuilder dmOpened(String dm) {
        return okJson("{\"ok\":true,\"channel\":{\"id\":\"" + dm + "\"}}");
    }

    private static ResponseDefinitionBuilder posted(String channel) {
        return okJson("{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\"" + MESSAGE_TS + "\","
                + "\"message\":{\"type\":\"message\",\"ts\":\"" + MESSAGE_TS + "\"}}");
    }

    private static SlackCall call(LoggedRequest request) {
        Map<String, String> form = new HashMap<>();
        for (String field : request.getBodyAsString().split("&")) {
            String[] pair = field.split("=", 2);
            form.put(URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                    pair.length < 2 ? "" : URLDecoder.decode(pair[1], StandardCharsets.UTF_8));
        }
        return new SlackCall(form, request.getLoggedDate().toInstant(), request.getHeader("traceparent"));
    }
}
