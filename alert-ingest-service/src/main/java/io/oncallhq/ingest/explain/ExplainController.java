package io.oncallhq.ingest.explain;

import io.oncallhq.contracts.EventType;
import io.oncallhq.contracts.alert.AlertEvent;
import io.oncallhq.contracts.alert.AlertTriggered;
import io.oncallhq.ingest.intake.AlertFormat;
import io.oncallhq.ingest.intake.EventIntake;
import io.oncallhq.ingest.intake.Explanation;
import io.oncallhq.ingest.intake.FieldViolation;
import io.oncallhq.ingest.intake.InvalidAlertException;
import io.oncallhq.ingest.intake.NormalisedAlert;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Shows what a body would become, without publishing anything: for setting up a sender and checking its mapping. */
@RestController
@Tag(name = "Alerts")
class ExplainController {

    private final EventIntake intake;
    private final Map<String, AlertFormat<?>> formats;

    ExplainController(EventIntake intake, List<AlertFormat<?>> formats) {
        this.intake = intake;
        this.formats = formats.stream().collect(Collectors.toUnmodifiableMap(format -> format.type().wireName(), Function.identity()));
    }

    @PostMapping(path = "/integrations/{key}/explain", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "What a body would be published as, publishing nothing",
            description = "Same body, checks and errors as the format's endpoint; answers 200 with each normalised alert, its dedup key "
                    + "and the rule that made it, and its severity and why. For pagerduty, the path key authenticates.")
    ExplainResponse explain(@Parameter(description = "The integration key") @PathVariable String key,
                            @Parameter(description = "generic, alertmanager, grafana or pagerduty") @RequestParam String format,
                            HttpServletRequest request) throws IOException {
        AlertFormat<?> chosen = formats.get(format.toLowerCase(Locale.ROOT));
        if (chosen == null) {
            throw new InvalidAlertException(List.of(new FieldViolation("format",
                    "must be one of " + String.join(", ", formats.keySet().stream().sorted().toList()))));
        }
        Explanation explanation = intake.explain(key, chosen, request.getInputStream(), request.getContentLengthLong());
        return new ExplainResponse(explanation.format().wireName(), explanation.integration().id(),
                explanation.integration().serviceId(), false, explanation.alerts().stream().map(ExplainController::explained).toList());
    }

    private static ExplainedAlert explained(NormalisedAlert alert) {
        AlertEvent event = alert.event();
        String severity = event instanceof AlertTriggered triggered ? triggered.severity().name().toLowerCase(Locale.ROOT) : null;
        return new ExplainedAlert(event.getClass().getAnnotation(EventType.class).value(), event.dedupKey(), alert.dedupKeyRule(),
                severity, alert.severityRule(), event);
    }

    /** @param published always false: explain never publishes */
    record ExplainResponse(String format, String integrationId, String serviceId, boolean published, List<ExplainedAlert> alerts) {
    }

    record ExplainedAlert(String eventType, String dedupKey, String dedupKeyRule, String severity, String severityRule,
                          AlertEvent event) {
    }
}
