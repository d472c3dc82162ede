package io.oncallhq.postmortem.history;

import java.time.Instant;

/**
 * Someone who acted on the incident (acknowledged, escalated, wrote a note, changed severity or priority,
 * reassigned, resolved or reopened it) or was paged for it. The system's own actions are not participants.
 *
 * @param id      the responder id (or the Slack user id when Slack had not resolved them)
 * @param name    the display name as the earliest event gave it
 * @param firstAt when they first appear in the incident
 */
public record Participant(String id, String name, Instant firstAt) {
}
