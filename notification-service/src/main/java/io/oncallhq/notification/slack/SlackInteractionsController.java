package io.oncallhq.notification.slack;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Slack's interactivity request URL. The body arrives already verified, as the exact bytes Slack signed
 * ({@link SlackRequestVerification}); never as a parsed form, which would not be those bytes. A button press becomes an
 * incident command on {@code incident-commands}; incident-service decides, and the page message changes when its
 * {@code IncidentAcknowledged}/{@code IncidentResolved} comes back. Replies the user must see (stale button, unknown
 * user) go out after the answer, so it stays within Slack's 3 s.
 */
@RestController
class SlackInteractionsController {

    static final String RETRY_NUM_HEADER = "X-Slack-Retry-Num";
    static final String RETRY_REASON_HEADER = "X-Slack-Retry-Reason";

    private final PressingButtons pressing;

    SlackInteractionsController(PressingButtons pressing) {
        this.pressing = pressing;
    }

    @PostMapping("/slack/interactions")
    ResponseEntity<Void> interact(@RequestAttribute(SlackRequestVerification.VERIFIED_BODY) byte[] body,
                                  @RequestHeader(name = RETRY_NUM_HEADER, required = false) String retryNum,
                                  @RequestHeader(name = RETRY_REASON_HEADER, required = false) String retryReason) {
        String retry = retryNum == null ? null : retryNum + " (" + retryReason + ")";
        ButtonPress.fromFormBody(body).ifPresent(press -> pressing.press(press, retry));
        return ResponseEntity.ok().build();
    }
}
