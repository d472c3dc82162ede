package io.oncallhq.incident.oncall;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Someone who can be paged. {@code slackUserId} links Slack clicks back to the responder. */
@Document("responders")
public record Responder(@Id String id, String name, String email, String timeZone, String slackUserId) {
}
