package io.oncallhq.notification.slack;

import io.oncallhq.standins.FormEncoding;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The keys that make a request Slack delivers more than once act only once. */
class SlackRequestKeysTest {

    @Test
    void slacksRetryOfAPressHasTheSameKey() {
        ButtonPress first = press("13345224609.738474920.8088930838d88f008e0", "1732267005.000300", "incident_acknowledge");
        ButtonPress retried = press("13345224609.738474920.8088930838d88f008e0", "1732267005.000300", "incident_acknowledge");

        assertThat(retried.deliveryKey()).isEqualTo(first.deliveryKey()).startsWith("block_actions:v1:");
    }

    @Test
    void anotherPressHasAnotherKey() {
        ButtonPress acknowledge = press("trigger-1", "1732267005.000300", "incident_acknowledge");

        assertThat(press("trigger-2", "1732267005.000300", "incident_acknowledge").deliveryKey())
                .isNotEqualTo(acknowledge.deliveryKey());
        assertThat(press("trigger-1", "1732267009.000100", "incident_acknowledge").deliveryKey())
                .isNotEqualTo(acknowledge.deliveryKey());
        assertThat(press("trigger-1", "1732267005.000300", "incident_resolve").deliveryKey())
                .isNotEqualTo(acknowledge.deliveryKey());
    }

    @Test
    void aPressReadsWhereToReplyFromThePayload() {
        ButtonPress press = press("trigger-1", "1732267005.000300", "incident_acknowledge");

        assertThat(press.channelId()).isEqualTo("D0DM");
        assertThat(press.responseUrl()).isEqualTo("https://hooks.slack.com/actions/T0/1/xyz");
        assertThat(press.userName()).isEqualTo("alex");
    }

    @Test
    void aSlashCommandKeyDependsOnTheTriggerAndTheText() {
        SlashCommand ack = command("trigger-1", "ack 42");

        assertThat(command("trigger-1", "ack 42").deliveryKey()).isEqualTo(ack.deliveryKey()).startsWith("slash_command:v1:");
        assertThat(command("trigger-2", "ack 42").deliveryKey()).isNotEqualTo(ack.deliveryKey());
        assertThat(command("trigger-1", "resolve 42").deliveryKey()).isNotEqualTo(ack.deliveryKey());
        assertThat(ack.userId()).isEqualTo("U0ALEX");
        assertThat(ack.text()).isEqualTo("ack 42");
    }

    @Test
    void slacksSslCheckIsRecognised() {
        assertThat(SlashCommand.fromFormBody("ssl_check=1&token=legacy".getBytes(StandardCharsets.US_ASCII)).sslCheck())
                .isTrue();
    }

    private static ButtonPress press(String triggerId, String actionTs, String actionId) {
        String payload = """
                {"type":"block_actions","user":{"id":"U0ALEX","username":"alex","name":"alex"},"trigger_id":"%s",
                 "container":{"type":"message","message_ts":"1.2","channel_id":"D0DM"},"channel":{"id":"D0DM"},
                 "response_url":"https://hooks.slack.com/actions/T0/1/xyz",
                 "actions":[{"type":"button","action_id":"%s","value":"inc-1","action_ts":"%s"}]}
                """.formatted(triggerId, actionId, actionTs);
        byte[] body = FormEncoding.SLACK.form("payload", payload).getBytes(StandardCharsets.US_ASCII);
        return ButtonPress.fromFormBody(body).orElseThrow();
    }

    private static SlashCommand command(String triggerId, String text) {
        String body = "token=legacy&team_id=T0&channel_id=C0OPS&user_id=U0ALEX&user_name=alex&command=%2Fincident"
                + "&text=" + FormEncoding.SLACK.encode(text) + "&trigger_id=" + triggerId
                + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT0%2F1%2Fabc";
        return SlashCommand.fromFormBody(body.getBytes(StandardCharsets.US_ASCII));
    }
}
