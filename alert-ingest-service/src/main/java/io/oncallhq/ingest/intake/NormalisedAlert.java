package io.oncallhq.ingest.intake;

import io.oncallhq.contracts.alert.AlertEvent;

/**
 * A sender's payload turned into the contract event.
 *
 * @param senderDedupKey the dedup key as the sender knows it (its own, or the one computed for it), for the answer
 */
public record NormalisedAlert(AlertEvent event, String senderDedupKey) {
}
