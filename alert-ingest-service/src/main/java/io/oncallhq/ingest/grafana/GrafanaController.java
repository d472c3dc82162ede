package io.oncallhq.ingest.grafana;

import io.oncallhq.ingest.alertmanager.BatchAcceptedResponse;

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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

@RestController
@Tag(name = "Alerts")
class GrafanaController {

    private final EventIntake intake;
    private final GrafanaFormat format;

    GrafanaController(EventIntake intake, GrafanaFormat format) {
        this.intake = intake;
        this.format = format;
    }

    // Grafana's webhook contact point sends POST by default and PUT when its "HTTP Method" setting says so.
    @RequestMapping(path = "/integrations/{key}/grafana", method = {RequestMethod.POST, RequestMethod.PUT}, consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Grafana alerting webhook contact point",
            description = "Point a Grafana webhook contact point here. One event per alert; 202 once Kafka acknowledged all of them. "
                    + "One invalid alert rejects the batch (400 naming alerts[i].field); 503 with Retry-After: send it again.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = GrafanaRequest.class))))
    @ApiResponse(responseCode = "202", description = "Every alert of the batch is on Kafka")
    @ApiResponse(responseCode = "400", description = "Malformed JSON or invalid alerts", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "401", description = "Unknown integration key", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "429", description = "Over the integration's rate limit", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "503", description = "Kafka unavailable; retry after the Retry-After seconds",
            content = @Content(mediaType = "application/problem+json"))
    BatchAcceptedResponse receive(@Parameter(description = "The integration key") @PathVariable String key,
                                  HttpServletRequest request) throws IOException {
        return BatchAcceptedResponse.of(Accepted.of(intake.receive(key, format, request.getInputStream(), request.getContentLengthLong())));
    }
}
