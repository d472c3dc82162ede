package io.oncallhq.ingest.intake;

import java.util.List;

/**
 * What one request put on Kafka, once the broker acknowledged all of it.
 *
 * @param normalised its events as the format normalised them, in the order sent
 * @param eventIds   each event's {@code ce_id}, in the same order
 */
public record Published<N>(List<N> normalised, List<String> eventIds) {
}
