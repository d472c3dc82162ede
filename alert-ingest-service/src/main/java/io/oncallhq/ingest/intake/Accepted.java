package io.oncallhq.ingest.intake;

/** What the sender learns once the broker has the alert. */
public record Accepted(String dedupKey, String eventId) {
}
