package io.oncallhq.notification.slack;

import io.oncallhq.notification.paging.PagingFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Tells one Slack user something only they see, after the interaction was already answered (Slack wants the answer
 * within three seconds): {@code chat.postEphemeral} in the channel of the click, or when that is not possible the
 * interaction's {@code response_url} with {@code response_type: ephemeral} and {@code replace_original: false}.
 */
@Component
class EphemeralReplies implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EphemeralReplies.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final SlackCalls slack;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ExecutorService sender = Executors.newVirtualThreadPerTaskExecutor();

    EphemeralReplies(SlackCalls slack) {
        this.slack = slack;
    }

    void tell(ButtonPress press, String text) {
        sender.execute(() -> {
            if (press.channelId() != null && postEphemeral(press, text)) {
                return;
            }
            if (press.responseUrl() != null) {
                respond(press.responseUrl(), text);
            } else {
                log.warn("Could not tell Slack user {} \"{}\": no channel and no response_url", press.userId(), text);
            }
        });
    }

    private boolean postEphemeral(ButtonPress press, String text) {
        try {
            slack.call("chat.postEphemeral", methods -> methods.chatPostEphemeral(request -> request
                    .channel(press.channelId()).user(press.userId()).text(text)));
            return true;
        } catch (PagingFailedException e) {
            log.info("chat.postEphemeral to {} did not work ({}), trying the response_url", press.userId(),
                    e.getMessage());
            return false;
        }
    }

    private void respond(String responseUrl, String text) {
        try {
            byte[] body = JSON.writeValueAsBytes(Map.of("response_type", "ephemeral", "replace_original", false,
                    "text", text));
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(responseUrl)).timeout(TIMEOUT)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() >= 300) {
                log.warn("Slack's response_url answered HTTP {}", response.statusCode());
            }
        } catch (Exception e) {
            log.warn("Could not reply through the response_url: {}", e.toString());
        }
    }

    @Override
    public void close() {
        sender.close();
    }
}
