package io.oncallhq.ingest.alertmanager;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * Alertmanager's webhook payload, version 4 (prometheus/alertmanager notify/webhook, docs webhook_config).
 * Unknown fields are ignored, so newer Alertmanagers that add fields keep working.
 */
@Schema(name = "AlertmanagerWebhook", description = "Alertmanager webhook_config payload, version 4")
record AlertmanagerRequest(
        @Schema(example = "4") String version,
        String groupKey,
        Long truncatedAlerts,
        @Schema(allowableValues = {"firing", "resolved"}) String status,
        String receiver,
        Map<String, String> groupLabels,
        Map<String, String> commonLabels,
        Map<String, String> commonAnnotations,
        String externalURL,
        List<Alert> alerts) {

    @Schema(name = "AlertmanagerAlert")
    record Alert(@Schema(allowableValues = {"firing", "resolved"}) String status,
                 Map<String, String> labels,
                 Map<String, String> annotations,
                 String startsAt,
                 String endsAt,
                 String generatorURL,
                 String fingerprint) implements LabelledAlert {
    }
}
