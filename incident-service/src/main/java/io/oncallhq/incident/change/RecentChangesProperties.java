package io.oncallhq.incident.change;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param lookback        how long before an incident was triggered a change still counts as recent
 * @param onPage          at most this many changes on a page, the latest
 * @param onIncident      at most this many in {@code GET /incidents/{id}}, the latest
 * @param pageLookupLimit the longest a page waits for its changes; after that it goes out without them
 */
@ConfigurationProperties("incident.recent-changes")
public record RecentChangesProperties(Duration lookback, int onPage, int onIncident, Duration pageLookupLimit) {
}
