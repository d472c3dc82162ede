package io.oncallhq.postmortem;

import java.time.LocalDate;

/** A follow-up the team commits to, so the same failure does not repeat. */
public record ActionItem(String id, String description, String owner, LocalDate dueOn) {
}
