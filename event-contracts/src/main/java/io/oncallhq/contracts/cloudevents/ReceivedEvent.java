package io.oncallhq.contracts.cloudevents;

import java.net.URI;
import java.time.Instant;

/** A decoded event with its CloudEvent attributes; {@code id} is what consumers deduplicate on. */
public record ReceivedEvent<T>(String id, String type, URI source, Instant time, String subject, T data) {
}
