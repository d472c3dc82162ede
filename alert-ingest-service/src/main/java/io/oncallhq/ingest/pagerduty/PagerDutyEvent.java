package io.oncallhq.ingest.pagerduty;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * A PagerDuty Events API v2 alert event, as PagerDuty documents "Send an Alert Event". Fields are read as sent
 * and checked by {@link PagerDutyFormat}, so one answer lists every field at fault. Unknown fields are ignored.
 */
@Schema(name = "PagerDutyEvent", description = "PagerDuty Events API v2 alert event")
record PagerDutyEvent(
        @JsonProperty("routing_key") @Schema(description = "The integration key") String routingKey,
        @JsonProperty("event_action") @Schema(allowableValues = {"trigger", "acknowledge", "resolve"}) String eventAction,
        @JsonProperty("dedup_key") @Schema(description = "At most 255 characters; generated and returned on trigger when absent")
        String dedupKey,
        Payload payload,
        String client,
        @JsonProperty("client_url") String clientUrl,
        List<Link> links,
        List<Image> images) {

    record Payload(String summary,
                   String source,
                   @Schema(allowableValues = {"critical", "error", "warning", "info"}) String severity,
                   String timestamp,
                   String component,
                   String group,
                   @JsonProperty("class") String eventClass,
                   @JsonProperty("custom_details") Object customDetails) {
    }

    record Link(String href, String text) {
    }

    record Image(String src, String href, String alt) {
    }
}
