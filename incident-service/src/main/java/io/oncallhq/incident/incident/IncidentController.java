package io.oncallhq.incident.incident;

import io.oncallhq.contracts.Actor;
import io.oncallhq.contracts.Severity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

@RestController
@RequestMapping("/incidents")
class IncidentController {

    /** Who acts through the API until authentication exists. */
    private static final Actor API_CLIENT = new Actor(Actor.API, "api", "API");

    private final Incidents incidents;
    private final RespondingToIncidents responding;

    IncidentController(Incidents incidents, RespondingToIncidents responding) {
        this.incidents = incidents;
        this.responding = responding;
    }

    /** Newest first. */
    @GetMapping
    List<IncidentSummaryResponse> list(@RequestParam(required = false) String status,
                                       @RequestParam(required = false) String serviceId,
                                       @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return incidents.list(parseStatus(status), serviceId, limit).stream().map(IncidentSummaryResponse::of).toList();
    }

    @GetMapping("/{id}")
    IncidentResponse get(@PathVariable String id) {
        return IncidentResponse.of(incidents.get(id));
    }

    @PostMapping("/{id}/acknowledge")
    IncidentResponse acknowledge(@PathVariable String id) {
        return IncidentResponse.of(responding.acknowledge(id, API_CLIENT));
    }

    @PostMapping("/{id}/resolve")
    IncidentResponse resolve(@PathVariable String id) {
        return IncidentResponse.of(responding.resolve(id, API_CLIENT));
    }

    @PostMapping("/{id}/escalate")
    IncidentResponse escalate(@PathVariable String id) {
        return IncidentResponse.of(responding.escalate(id, API_CLIENT));
    }

    @PostMapping("/{id}/notes")
    IncidentResponse addNote(@PathVariable String id, @Valid @RequestBody NoteRequest note) {
        return IncidentResponse.of(responding.addNote(id, API_CLIENT, note.text()));
    }

    record NoteRequest(@NotBlank @Size(max = 10_000) String text) {
    }

    record IncidentSummaryResponse(String id, long number, String serviceId, String serviceName, String title,
                                   Severity severity, IncidentStatus status, Instant triggeredAt,
                                   Instant acknowledgedAt, Instant resolvedAt, int alertCount) {

        static IncidentSummaryResponse of(Incident incident) {
            return new IncidentSummaryResponse(incident.id(), incident.number(), incident.service().id(),
                    incident.service().name(), incident.title(), incident.severity(), incident.status(),
                    incident.triggeredAt(), incident.acknowledgedAt(), incident.resolvedAt(), incident.alerts().size());
        }
    }

    private static IncidentStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return IncidentStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "status must be one of triggered, acknowledged, resolved");
        }
    }
}
