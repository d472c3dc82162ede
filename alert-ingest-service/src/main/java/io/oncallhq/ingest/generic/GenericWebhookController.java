package io.oncallhq.ingest.generic;

import io.oncallhq.ingest.intake.Accepted;
import io.oncallhq.ingest.intake.EventIntake;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

@RestController
@Tag(name = "Alerts")
class GenericWebhookController {

    private final EventIntake intake;
    private final GenericAlertFormat format;

    GenericWebhookController(EventIntake intake, GenericAlertFormat format) {
        this.intake = intake;
        this.format = format;
    }

    /** The body is read as bytes (not bound by Spring) so that its size is bounded and the key is checked first. */
    @PostMapping(path = "/integrations/{key}/generic", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send an alert in the generic JSON format",
            description = "Answers 202 only after Kafka acknowledged the alert; 503 with Retry-After means send it again later.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = GenericAlertRequest.class))))
    @ApiResponse(responseCode = "202", description = "Accepted and durably on Kafka")
    @ApiResponse(responseCode = "400", description = "Malformed JSON or invalid fields", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "401", description = "Unknown integration key", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "413", description = "Body too large", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "429", description = "Over the integration's rate limit; retry after the Retry-After seconds",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "415", description = "Not application/json", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "503", description = "Kafka unavailable; retry after the Retry-After seconds",
            content = @Content(mediaType = "application/problem+json"))
    AcceptedResponse receive(@Parameter(description = "The integration key") @PathVariable String key,
                             HttpServletRequest request) throws IOException {
        Accepted accepted = Accepted.of(intake.receive(key, format, request.getInputStream(), request.getContentLengthLong())).getFirst();
        return new AcceptedResponse("accepted", accepted.dedupKey(), accepted.eventId());
    }

    record AcceptedResponse(String status, String dedupKey, String eventId) {
    }
}
