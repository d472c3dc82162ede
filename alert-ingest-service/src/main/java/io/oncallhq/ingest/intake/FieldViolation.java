package io.oncallhq.ingest.intake;

/** One field of a sender's payload that breaks a rule; {@code field} is its JSON path, e.g. {@code links[0].href}. */
public record FieldViolation(String field, String message) {
}
