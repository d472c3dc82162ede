package io.oncallhq.ingest.pagerduty;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * A PagerDuty Events API v2 change event, as PagerDuty documents "Send a Change Event". Fields are read as sent and
 * checked by {@link PagerDutyChangeFormat}, so one answer lists every field at fault. Unknown fields are ignored.
 */
@Schema(name = "PagerDutyChangeEvent", description = "PagerDuty Events API v2 change event")
record PagerDutyChangeEvent(
        @JsonProperty("routing_key") @Schema(description = "The integration key (the same key as for alert events)")
        String routingKey,
        Payload payload,
        List<PagerDutyEvent.Link> links) {

    @Schema(name = "PagerDutyChangePayload")
    record Payload(@Schema(description = "What changed; at most 1024 characters", requiredMode = Schema.RequiredMode.REQUIRED)
                   String summary,
                   @Schema(description = "Where the change was made (a pipeline, a host)") String source,
                   @Schema(description = "When the change was made, ISO 8601", example = "2020-07-17T08:42:58.315+0000")
                   String timestamp,
                   @JsonProperty("custom_details") Object customDetails) {
    }
}
