package io.oncallhq.ingest.grafana;

import io.oncallhq.ingest.alertmanager.LabelledAlert;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Grafana alerting's webhook contact point payload: Alertmanager's shape plus Grafana's own fields. Unknown
 * fields are ignored.
 */
@Schema(name = "GrafanaWebhook", description = "Grafana alerting webhook contact point payload")
record GrafanaRequest(
        String receiver,
        @Schema(allowableValues = {"firing", "resolved"}) String status,
        Long orgId,
        List<Alert> alerts,
        Map<String, String> groupLabels,
        Map<String, String> commonLabels,
        Map<String, String> commonAnnotations,
        String externalURL,
        String version,
        String groupKey,
        Long truncatedAlerts,
        String title,
        String state,
        String message) {

    @Schema(name = "GrafanaAlert")
    record Alert(@Schema(allowableValues = {"firing", "resolved"}) String status,
                 Map<String, String> labels,
                 Map<String, String> annotations,
                 String startsAt,
                 String endsAt,
                 Map<String, Object> values,
                 String generatorURL,
                 String fingerprint,
                 String silenceURL,
                 String dashboardURL,
                 String panelURL,
                 String imageURL) implements LabelledAlert {

        @Override
        public List<LinkField> extraLinks() {
            return List.of(new LinkField("dashboardURL", dashboardURL, "Dashboard"),
                    new LinkField("panelURL", panelURL, "Panel"),
                    new LinkField("silenceURL", silenceURL, "Silence"),
                    new LinkField("imageURL", imageURL, "Image"));
        }

        @Override
        public Map<String, Object> extraDetails() {
            Map<String, Object> details = new LinkedHashMap<>();
            if (values != null && !values.isEmpty()) {
                details.put("values", values);
            }
            return details;
        }
    }
}
