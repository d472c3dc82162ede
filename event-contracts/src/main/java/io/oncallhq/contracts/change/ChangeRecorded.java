package io.oncallhq.contracts.change;

import io.oncallhq.contracts.EventType;
import io.oncallhq.contracts.alert.AlertLink;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A tool reports a change to a service (PagerDuty's change events). Each event is a change of its own: nothing
 * deduplicates them but the event id, so a redelivered record is the same change.
 *
 * @param integrationId   the integration the change came through
 * @param integrationType the integration's type ({@code pagerduty})
 * @param source          where the change was made (a pipeline, a host), as the sender named it; null when not given
 * @param details         the sender's structured details ({@code custom_details}); empty when none
 * @param links           links to the change (the build, the pull request)
 * @param occurredAt      when the change happened according to the sender, else when alert-ingest accepted it
 * @param receivedAt      when alert-ingest accepted it
 * @param rawPayload      the sender's request body, truncated to a bounded size, kept as evidence
 */
@EventType("change.recorded.v1")
public record ChangeRecorded(
        String serviceId,
        String integrationId,
        String integrationType,
        String summary,
        String source,
        Map<String, Object> details,
        List<AlertLink> links,
        Instant occurredAt,
        Instant receivedAt,
        String rawPayload) implements ChangeEvent {
}
