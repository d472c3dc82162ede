package io.oncallhq.contracts.page;

import io.oncallhq.contracts.EventType;

import java.time.Instant;

/** The page could not be delivered on a channel. */
@EventType("page.failed.v1")
public record PageFailed(String pageId, String incidentId, String channel, String reason, Instant failedAt)
        implements PageOutcomeEvent {
}
