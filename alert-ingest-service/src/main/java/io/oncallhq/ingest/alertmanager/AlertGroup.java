package io.oncallhq.ingest.alertmanager;

/** The notification around the alerts: Alertmanager's (and Grafana's) group fields that travel with each alert. */
public record AlertGroup(String groupKey, String receiver, String externalURL, Integer truncatedAlerts) {
}
