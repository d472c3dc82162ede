package io.oncallhq.notification;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A WireMock stand-in for the Slack Web API methods the service calls. Every user gets the DM channel
 * {@link #ALEX_DM}, except {@link #GONE_SLACK_ID}, whose DM channel Slack then claims not to know.
 */
final class SlackStandIn implements AutoCloseable {

    static final String ALEX_SLACK_ID = "U0ALEX";
    static final String ALEX_DM = "D0ALEX";
    static final String GONE_SLACK_ID = "U0GONE";
    static final String GONE_DM = "D0GONE";
    static final String TS = "1700000000.000100";

    private final WireMockServer server = new WireMockServer(options().dynamicPort());

    SlackStandIn() {
        server.start();
        server.stubFor(post("/api/conversations.open")
                .willReturn(okJson("{\"ok\":true,\"channel\":{\"id\":\"" + ALEX_DM + "\"}}")));
        server.stubFor(post("/api/conversations.open").atPriority(1).withRequestBody(containing(GONE_SLACK_ID))
                .willReturn(okJson("{\"ok\":true,\"channel\":{\"id\":\"" + GONE_DM + "\"}}")));
        server.stubFor(post("/api/chat.postMessage")
                .willReturn(okJson("{\"ok\":true,\"channel\":\"" + ALEX_DM + "\",\"ts\":\"" + TS + "\"}")));
        server.stubFor(post("/api/chat.postMessage").atPriority(1).withRequestBody(containing(GONE_DM))
                .willReturn(okJson("{\"ok\":false,\"error\":\"channel_not_found\"}")));
        server.stubFor(post("/api/chat.postEphemeral")
                .willReturn(okJson("{\"ok\":true,\"message_ts\":\"" + TS + "\"}")));
        server.stubFor(post("/api/chat.update")
                .willReturn(okJson("{\"ok\":true,\"channel\":\"" + ALEX_DM + "\",\"ts\":\"" + TS + "\"}")));
        server.stubFor(post("/api/conversations.history").willReturn(okJson("{\"ok\":true,\"messages\":[]}")));
    }

    /**
     * The Slack user's own DM channel holds a page message with that ts and the page id in its metadata, as if an
     * earlier attempt had posted it.
     */
    void dmAlreadyHoldsPage(String slackUserId, String dm, String ts, String pageId) {
        server.stubFor(post("/api/conversations.open").atPriority(1).withRequestBody(containing(slackUserId))
                .willReturn(okJson("{\"ok\":true,\"channel\":{\"id\":\"" + dm + "\"}}")));
        server.stubFor(post("/api/conversations.history").atPriority(1).withRequestBody(containing(dm))
                .willReturn(okJson("""
                        {"ok":true,"messages":[
                          {"type":"message","ts":"1700000999.000001","text":"hello"},
                          {"type":"message","ts":"%s","text":"page",
                           "metadata":{"event_type":"oncallhq_page","event_payload":{"page_id":"%s"}}}]}
                        """.formatted(ts, pageId))));
    }

    /** The Slack user's DM channel is {@code dm}. */
    void givesDm(String slackUserId, String dm) {
        server.stubFor(post("/api/conversations.open").atPriority(1).withRequestBody(containing(slackUserId))
                .willReturn(okJson("{\"ok\":true,\"channel\":{\"id\":\"" + dm + "\"}}")));
    }

    /**
     * The Slack user's DM channel is {@code dm}, and Slack takes {@code delay} to open it the first time: a send to
     * the user stays under way that long.
     */
    void opensDmSlowlyAtFirst(String slackUserId, String dm, Duration delay) {
        String scenario = "slow DM of " + slackUserId;
        server.stubFor(post("/api/conversations.open").atPriority(1).withRequestBody(containing(slackUserId))
                .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"ok\":true,\"channel\":{\"id\":\"" + dm + "\"}}")
                        .withFixedDelay((int) delay.toMillis()))
                .willSetStateTo("open"));
        server.stubFor(post("/api/conversations.open").atPriority(1).withRequestBody(containing(slackUserId))
                .inScenario(scenario).whenScenarioStateIs("open")
                .willReturn(okJson("{\"ok\":true,\"channel\":{\"id\":\"" + dm + "\"}}")));
    }

    /** Messages posted to this channel are answered only after the delay, as Slack answers a channel it throttles. */
    void postsSlowlyTo(String channel, Duration delay) {
        server.stubFor(post("/api/chat.postMessage").atPriority(1).withRequestBody(containing("channel=" + channel))
                .willReturn(okJson("{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\"" + TS + "\"}")
                        .withFixedDelay((int) delay.toMillis())));
    }

    /** What the SDK's {@code SlackConfig} method URL prefix must be. */
    String apiUrl() {
        return server.baseUrl() + "/api/";
    }

    /** The form parameters of every call of a Slack method, in order. */
    List<Map<String, String>> calls(String method) {
        return server.findAll(postRequestedFor(urlEqualTo("/api/" + method))).stream().map(SlackStandIn::form).toList();
    }

    /** The ephemeral messages shown to one Slack user. */
    List<Map<String, String>> ephemeralsTo(String slackUserId) {
        return calls("chat.postEphemeral").stream().filter(params -> slackUserId.equals(params.get("user"))).toList();
    }

    /** The calls of a Slack method whose blocks mention the incident (the buttons carry its id). */
    List<Map<String, String>> callsAbout(String method, String incidentId) {
        return calls(method).stream().filter(params -> params.getOrDefault("blocks", "").contains(incidentId)).toList();
    }

    /** The W3C {@code traceparent} header of each call of a Slack method about the incident, in order. */
    List<String> traceparentsAbout(String method, String incidentId) {
        return server.findAll(postRequestedFor(urlEqualTo("/api/" + method))).stream()
                .filter(request -> form(request).getOrDefault("blocks", "").contains(incidentId))
                .map(request -> request.getHeader("traceparent")).toList();
    }

    private static Map<String, String> form(LoggedRequest request) {
        Map<String, String> params = new HashMap<>();
        for (String field : request.getBodyAsString().split("&")) {
            String[] pair = field.split("=", 2);
            params.put(URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                    pair.length < 2 ? "" : URLDecoder.decode(pair[1], StandardCharsets.UTF_8));
        }
        return params;
    }

    @Override
    public void close() {
        server.stop();
    }
}
