package io.oncallhq.notification.slack;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Slack's interactivity request URL. The body is taken as raw bytes (never as a parsed form) because the signature
 * covers exactly those bytes. A button press becomes an incident command on {@code incident-commands}; incident-service
 * decides, and the page message changes when its {@code IncidentAcknowledged}/{@code IncidentResolved} comes back.
 * Replies the user must see (stale button, unknown user) go out after the answer, so it stays within Slack's 3 s.
 */
@RestController
class SlackInteractionsController {

    static final String RETRY_NUM_HEADER = "X-Slack-Retry-Num";
    static final String RETRY_REASON_HEADER = "X-Slack-Retry-Reason";

    private final SlackSignatureVerifier verifier;
    private final PressingButtons pressing;

    SlackInteractionsController(SlackSignatureVerifier verifier, PressingButtons pressing) {
        this.verifier = verifier;
        this.pressing = pressing;
    }

    @PostMapping("/slack/interactions")
    ResponseEntity<Void> interact(@RequestHeader(name = SlackSignatureVerifier.TIMESTAMP_HEADER, required = false) String timestamp,
                                  @RequestHeader(name = SlackSignatureVerifier.SIGNATURE_HEADER, required = false) String signature,
                                  @RequestHeader(name = RETRY_NUM_HEADER, required = false) String retryNum,
                                  @RequestHeader(name = RETRY_REASON_HEADER, required = false) String retryReason,
                                  @RequestBody(required = false) byte[] body) {
        byte[] raw = body == null ? new byte[0] : body;
        verifier.verify(timestamp, signature, raw);
        String retry = retryNum == null ? null : retryNum + " (" + retryReason + ")";
        ButtonPress.fromFormBody(raw).ifPresent(press -> pressing.press(press, retry));
        return ResponseEntity.ok().build();
    }
}
