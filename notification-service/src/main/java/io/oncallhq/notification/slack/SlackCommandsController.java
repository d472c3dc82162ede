package io.oncallhq.notification.slack;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The request URL of the {@code /incident} slash command. Verified like interactions (raw body, v0 signature, replay
 * window); answered with an ephemeral message in the response body, as Slack documents it for immediate responses.
 */
@RestController
class SlackCommandsController {

    private final SlackSignatureVerifier verifier;
    private final AnsweringSlashCommands answering;

    SlackCommandsController(SlackSignatureVerifier verifier, AnsweringSlashCommands answering) {
        this.verifier = verifier;
        this.answering = answering;
    }

    record EphemeralResponse(String response_type, String text) {

        static EphemeralResponse of(String text) {
            return new EphemeralResponse("ephemeral", text);
        }
    }

    @PostMapping("/slack/commands")
    ResponseEntity<EphemeralResponse> command(
            @RequestHeader(name = SlackSignatureVerifier.TIMESTAMP_HEADER, required = false) String timestamp,
            @RequestHeader(name = SlackSignatureVerifier.SIGNATURE_HEADER, required = false) String signature,
            @RequestBody(required = false) byte[] body) {
        byte[] raw = body == null ? new byte[0] : body;
        verifier.verify(timestamp, signature, raw);
        SlashCommand command = SlashCommand.fromFormBody(raw);
        if (command.sslCheck()) {
            return ResponseEntity.ok().build();
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(EphemeralResponse.of(answering.answer(command)));
    }
}
