package io.oncallhq.ingest.pagerduty;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.oncallhq.ingest.intake.Accepted;
import io.oncallhq.ingest.intake.EventIntake;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/**
 * PagerDuty's Events API v2 endpoints, alert and change events: a tool set up for PagerDuty works here by changing
 * only its URL's host.
 */
@RestController
@Tag(name = "Alerts")
class PagerDutyController {

    /** Where PagerDuty's Python client long sent the routing key; the body's key comes first. */
    private static final String ROUTING_KEY_HEADER = "X-Routing-Key";

    private final EventIntake intake;
    private final PagerDutyFormat format;
    private final PagerDutyChangeFormat changeFormat;

    PagerDutyController(EventIntake intake, PagerDutyFormat format, PagerDutyChangeFormat changeFormat) {
        this.intake = intake;
        this.format = format;
        this.changeFormat = changeFormat;
    }

    @PostMapping(path = "/v2/enqueue", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "PagerDuty Events API v2 compatible: trigger, acknowledge or resolve an alert",
            description = "routing_key is the integration key (or, without one, the X-Routing-Key header). Answers as "
                    + "PagerDuty does; 202 only once Kafka acknowledged.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = PagerDutyEvent.class))))
    @ApiResponse(responseCode = "202", description = "Event processed and on Kafka")
    @ApiResponse(responseCode = "400", description = "invalid event (also an unknown routing_key)")
    @ApiResponse(responseCode = "429", description = "Over the integration's rate limit; Retry-After says when to retry")
    @ApiResponse(responseCode = "503", description = "Kafka unavailable; retry after the Retry-After seconds")
    EventProcessedResponse enqueue(HttpServletRequest request) throws IOException {
        String headerKey = request.getHeader(ROUTING_KEY_HEADER);
        String dedupKey = Accepted.of(intake.receive(event -> format.routingKey(event, headerKey), format,
                request.getInputStream(), request.getContentLengthLong())).getFirst().dedupKey();
        return new EventProcessedResponse("success", "Event processed", dedupKey);
    }

    @PostMapping(path = "/v2/change/enqueue", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "PagerDuty Events API v2 compatible: record a change (a deploy, a configuration applied)",
            description = "routing_key is the integration key (or, without one, the X-Routing-Key header). The change is "
                    + "recorded for the integration's service on the changes topic; answers as PagerDuty does, 202 only "
                    + "once Kafka acknowledged.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = PagerDutyChangeEvent.class))))
    @ApiResponse(responseCode = "202", description = "Change event processed and on Kafka")
    @ApiResponse(responseCode = "400", description = "invalid event (also an unknown routing_key)")
    @ApiResponse(responseCode = "413", description = "Body too large")
    @ApiResponse(responseCode = "429", description = "Over the integration's rate limit; Retry-After says when to retry")
    @ApiResponse(responseCode = "503", description = "Kafka unavailable; retry after the Retry-After seconds")
    ChangeProcessedResponse enqueueChange(HttpServletRequest request) throws IOException {
        String headerKey = request.getHeader(ROUTING_KEY_HEADER);
        intake.receive(change -> changeFormat.routingKey(change, headerKey), changeFormat, request.getInputStream(),
                request.getContentLengthLong());
        return new ChangeProcessedResponse("success", "Change event processed");
    }

    record EventProcessedResponse(String status, String message, @JsonProperty("dedup_key") String dedupKey) {
    }

    /** PagerDuty's answer to a change event: change events have no dedup key. */
    record ChangeProcessedResponse(String status, String message) {
    }
}
