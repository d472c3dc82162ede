package io.oncallhq.slackstandin;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A local stand-in for the Slack Web API (the real Slack SDK in notification-service talks to it), and the
 * signing side of Slack's interactivity requests.
 */
public final class SlackStandIn implements AutoCloseable {

    public static final String SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    public static final String DM_CHANNEL = "D0ALEX0001";
    public static final String MESSAGE_TS = "1732267000.000100";

    private final WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());

    public SlackStandIn() {
        server.start();
        answer("conversations.open", "{\"ok\":true,\"channel\":{\"id\":\"" + DM_CHANNEL + "\"}}");
        answer("chat.postMessage", "{\"ok\":true,\"channel\":\"" + DM_CHANNEL + "\",\"ts\":\"" + MESSAGE_TS + "\","
                + "\"message\":{\"type\":\"message\",\"ts\":\"" + MESSAGE_TS + "\"}}");
        answer("chat.update", "{\"ok\":true,\"channel\":\"" + DM_CHANNEL + "\",\"ts\":\"" + MESSAGE_TS + "\"}");
        answer("chat.postEphemeral", "{\"ok\":true,\"message_ts\":\"" + MESSAGE_TS + "\"}");
        // A retried page looks for itself in the DM first; the stand-in's DM history is empty.
        answer("conversations.history", "{\"ok\":true,\"messages\":[]}");
    }

    /** The Web API base URL, as {@code SLACK_API_URL}. */
    public String apiUrl() {
        return server.baseUrl() + "/api/";
    }

    public List<LoggedRequest> calls(String method) {
        return server.findAll(postRequestedFor(urlEqualTo("/api/" + method)));
    }

    /**
     * A {@code block_actions} interaction as Slack sends it when the user clicks a button of our message: the message
     * comes back with it (bold mrkdwn, a link, Slack's {@code \/} for every slash), and the form is encoded as Slack
     * encodes it.
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
                """.formatted(slackUserId, MESSAGE_TS, DM_CHANNEL, DM_CHANNEL, MESSAGE_TS, value, actionId, value);
        return "payload=" + slackFormEncoded(payload);
    }

    /**
     * Percent-encoded as Slack encodes its form bodies, which its signature covers byte for byte: UTF-8, everything
     * but {@code A-Za-z0-9-_.~} as {@code %XX}, a space as {@code +}. Not {@code URLEncoder}: it leaves {@code *} as
     * it is, where Slack sends {@code %2A}.
     */
    private static String slackFormEncoded(String text) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c == ' ') {
                encoded.append('+');
            } else if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || "-_.~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(HexFormat.of().withUpperCase().toHexDigits((byte) c));
            }
        }
        return encoded.toString();
    }

    /** {@code v0=} + hex HMAC-SHA256 of {@code v0:<timestamp>:<body>}, as Slack signs requests. */
    public static String signature(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(digest);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void answer(String method, String json) {
        server.stubFor(post(urlEqualTo("/api/" + method))
                .willReturn(aResponse().withHeader("Content-Type", "application/json; charset=utf-8").withBody(json)));
    }

    @Override
    public void close() {
        server.stop();
    }
}
