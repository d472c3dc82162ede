package io.oncallhq.ingest.alertmanager;

import java.util.Map;

/**
 * The notification around the alerts: Alertmanager's (and Grafana's) group fields that travel with each alert.
 * {@code commonLabels} and {@code commonAnnotations} are left out: every alert carries them in its own labels.
 *
 * @param truncatedAlerts how many alerts the sender left out ({@code max_alerts}); a Go uint64, hence a long
 * @param orgId           Grafana's organisation; null from Alertmanager
 */
public record AlertGroup(String groupKey, String receiver, String externalURL, Long truncatedAlerts,
                         Map<String, String> groupLabels, Long orgId) {
}
