package io.oncallhq.contracts.page;

/** The responder to page and how to reach them. Contact fields may be null when unknown. */
public record PageTarget(String responderId, String name, String email, String slackUserId) {
}
