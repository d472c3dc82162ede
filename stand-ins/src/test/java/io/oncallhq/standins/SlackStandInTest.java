package io.oncallhq.standins;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class SlackStandInTest {

    private static final SlackStandIn SLACK = new SlackStandIn();

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterAll
    static void stop() {
        SLACK.close();
    }

    @Test
    void aNewUsersMessagesGoToTheirOwnDmAndAreReadBackAsTheirFormFields() throws Exception {
        String user = SLACK.newUser();

        String opened = call("conversations.open", "users=" + user).body();
        String posted = call("chat.postMessage", "channel=" + SlackStandIn.dmOf(user)
                + "&text=Checkout+latency&blocks=%5B%7B%22value%22%3A%22inc-7%22%7D%5D").body();

        assertThat(opened).contains("\"id\":\"" + SlackStandIn.dmOf(user) + "\"");
        assertThat(posted).contains("\"channel\":\"" + SlackStandIn.dmOf(user) + "\"",
                "\"ts\":\"" + SlackStandIn.MESSAGE_TS + "\"");
        assertThat(SLACK.callsAbout("chat.postMessage", "inc-7")).singleElement().satisfies(post -> {
            assertThat(post.field("text")).isEqualTo("Checkout latency");
            assertThat(post.field("thread_ts")).isEmpty();
            assertThat(post.traceparent()).isEqualTo("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        });
        assertThat(SLACK.callsTo("chat.postMessage", SlackStandIn.dmOf(user))).hasSize(1);
    }

    @Test
    void everyOtherUserSharesAlexsDmExceptTheOneSlackNoLongerKnows() throws Exception {
        assertThat(call("conversations.open", "users=U0SOMEONE").body()).contains(SlackStandIn.ALEX_DM);
        assertThat(call("conversations.open", "users=" + SlackStandIn.GONE_SLACK_ID).body())
                .contains(SlackStandIn.GONE_DM);
        assertThat(call("chat.postMessage", "channel=" + SlackStandIn.GONE_DM).body()).contains("channel_not_found");
    }

    @Test
    void aRateLimitedFirstPostSaysWhenToRetryAndTheNextGoes() throws Exception {
        String dm = SlackStandIn.dmOf(SLACK.newUser());
        SLACK.rateLimitsFirstPostTo(dm, Duration.ofSeconds(2));

        HttpResponse<String> first = call("chat.postMessage", "channel=" + dm);
        HttpResponse<String> second = call("chat.postMessage", "channel=" + dm);

        assertThat(first.statusCode()).isEqualTo(429);
        assertThat(first.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(SLACK.callsTo("chat.postMessage", dm)).extracting(SlackCall::at).isSorted();
    }

    private HttpResponse<String> call(String method, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(SLACK.apiUrl() + method))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
