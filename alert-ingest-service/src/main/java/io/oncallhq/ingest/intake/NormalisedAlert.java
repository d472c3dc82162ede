package io.oncallhq.ingest.intake;

import io.oncallhq.contracts.alert.AlertEvent;

/**
 * A sender's alert turned into the contract event, with the reasons for what was derived (shown by explain).
 *
 * @param senderDedupKey the dedup key as the sender knows it (its own, or the one computed for it), for the answer
 * @param dedupKeyRule   how the versioned dedup key was made
 * @param severityRule   how the severity was chosen; null when the event carries none
 */
public record NormalisedAlert(AlertEvent event, String senderDedupKey, String dedupKeyRule, String severityRule) {
}
