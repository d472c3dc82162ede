package io.oncallhq.postmortem.history;

import java.time.Instant;

/** Nobody was paged when the incident opened, because a silence or maintenance window matched its alert. */
public record PagingSuppression(String silenceId, String reason, Instant at) {

    /** The reason is already a sentence for the timeline (such as {@code not paged: maintenance window "x"}). */
    public String sentence() {
        if (reason == null || reason.isBlank()) {
            return "Nobody was paged: silence " + silenceId + " matched the alert";
        }
        String text = reason.strip();
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
