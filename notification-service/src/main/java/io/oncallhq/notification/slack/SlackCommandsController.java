package io.oncallhq.notification.slack;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/**
 * The request URL of the {@code /incident} slash command. The body arrives verified like interactions' (the exact
 * bytes Slack signed, within the replay window: {@link SlackRequestVerification}); answered with an ephemeral message
 * in the response body, as Slack documents it for immediate responses.
 */
@RestController
class SlackCommandsController {

    private final AnsweringSlashCommands answering;

    SlackCommandsController(AnsweringSlashCommands answering) {
        this.answering = answering;
    }

    record EphemeralResponse(String response_type, String text) {

        static EphemeralResponse of(String text) {
            return new EphemeralResponse("ephemeral", text);
        }
    }

    @PostMapping("/slack/commands")
    ResponseEntity<EphemeralResponse> command(@RequestAttribute(SlackRequestVerification.VERIFIED_BODY) byte[] body) {
        SlashCommand command = SlashCommand.fromFormBody(body);
        if (command.sslCheck()) {
            return ResponseEntity.ok().build();
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(EphemeralResponse.of(answering.answer(command)));
    }
}
