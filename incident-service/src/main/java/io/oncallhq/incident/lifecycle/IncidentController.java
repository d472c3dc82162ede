package io.oncallhq.incident.lifecycle;

import io.oncallhq.incident.change.RecentChanges;
import io.oncallhq.incident.config.ApiClients;
import io.oncallhq.contracts.Severity;
import io.oncallhq.incident.config.InvalidRequestException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

@RestController
@RequestMapping("/incidents")
class IncidentController {

    /** {@code status=open}: the incidents not resolved yet. */
    private static final String OPEN_STATUSES = "open";

    private final Incidents incidents;
    private final RespondingToIncidents responding;
    private final OpeningIncidentsByHand opening;
    private final RecentChanges recentChanges;

    IncidentController(Incidents incidents, RespondingToIncidents responding, OpeningIncidentsByHand opening,
                       RecentChanges recentChanges) {
        this.incidents = incidents;
        this.responding = responding;
        this.opening = opening;
        this.recentChanges = recentChanges;
    }

    /** A manual incident: opened and paged like one an alert opened. */
    @PostMapping
    ResponseEntity<IncidentResponse> open(@Valid @RequestBody OpenRequest request) {
        Incident incident = opening.open(request.serviceId(), request.title(), request.severity(), request.details(),
                ApiClients.current());
        return ResponseEntity.created(URI.create("/incidents/" + incident.id())).body(IncidentResponse.of(incident));
    }

    record OpenRequest(@NotBlank @Size(max = 200) String serviceId, @NotBlank @Size(max = 500) String title,
                       @NotNull Severity severity, @Size(max = 10_000) String details) {
    }

    /**
     * Newest first by trigger time. When more incidents match than {@code limit}, the {@code Link} header names the
     * next page ({@code rel="next"}, with an opaque {@code cursor} valid only with the same filters).
     */
    @GetMapping
    ResponseEntity<List<IncidentSummaryResponse>> list(
            @RequestParam(required = false) String status, @RequestParam(required = false) String serviceId,
            @RequestParam(required = false) String teamId, @RequestParam(required = false) String severity,
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
            @RequestParam(required = false) @Size(max = 200) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        IncidentFilter filter = new IncidentFilter(parseStatus(status), serviceId, teamId,
                parse(Severity.class, "severity", severity), from, to);
        IncidentCursor after = cursor == null ? null : IncidentCursor.decode(cursor, filter);
        List<Incident> found = incidents.list(filter, after, limit + 1);
        List<Incident> page = found.subList(0, Math.min(limit, found.size()));
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        if (found.size() > limit) {
            Incident last = page.getLast();
            String next = ServletUriComponentsBuilder.fromCurrentRequest()
                    .replaceQueryParam("cursor", new IncidentCursor(last.triggeredAt(), last.id()).encode(filter))
                    .build().toUriString();
            ok.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return ok.body(page.stream().map(IncidentSummaryResponse::of).toList());
    }

    @GetMapping("/{id}")
    IncidentResponse get(@PathVariable String id) {
        Incident incident = incidents.get(id);
        return IncidentResponse.withChanges(incident, recentChanges.forIncident(incident.service().id(),
                incident.triggeredAt(), incident.resolvedAt()));
    }

    /** 200 also when acknowledged before: {@code notice} then says who acknowledged first and when. */
    @PostMapping("/{id}/acknowledge")
    IncidentResponse acknowledge(@PathVariable String id) {
        RespondingToIncidents.Acknowledgement done = responding.acknowledge(id, ApiClients.current());
        return IncidentResponse.of(done.incident(), done.repeated() ? done.incident().firstAcknowledgement() : null);
    }

    @PostMapping("/{id}/resolve")
    IncidentResponse resolve(@PathVariable String id) {
        return IncidentResponse.of(responding.resolve(id, ApiClients.current()));
    }

    @PostMapping("/{id}/escalate")
    IncidentResponse escalate(@PathVariable String id) {
        return IncidentResponse.of(responding.escalate(id, ApiClients.current()));
    }

    @PostMapping("/{id}/reassign")
    IncidentResponse reassign(@PathVariable String id, @Valid @RequestBody ReassignRequest request) {
        return IncidentResponse.of(responding.reassign(id, ApiClients.current(), request.responderId()));
    }

    @PostMapping("/{id}/reopen")
    IncidentResponse reopen(@PathVariable String id, @Valid @RequestBody(required = false) ReopenRequest request) {
        return IncidentResponse.of(responding.reopen(id, ApiClients.current(), request == null ? null : request.reason()));
    }

    @PostMapping("/{id}/severity")
    IncidentResponse changeSeverity(@PathVariable String id, @Valid @RequestBody SeverityRequest request) {
        return IncidentResponse.of(responding.changeSeverity(id, ApiClients.current(), request.severity()));
    }

    /** {@code {"priority": null}} clears it. */
    @PostMapping("/{id}/priority")
    IncidentResponse changePriority(@PathVariable String id, @Valid @RequestBody PriorityRequest request) {
        return IncidentResponse.of(responding.changePriority(id, ApiClients.current(), request.priority()));
    }

    record ReassignRequest(@NotBlank @Size(max = 200) String responderId) {
    }

    record ReopenRequest(@Size(max = 1_000) String reason) {
    }

    record SeverityRequest(@NotNull Severity severity) {
    }

    record PriorityRequest(@Pattern(regexp = "P[1-5]", message = "must be P1, P2, P3, P4 or P5") String priority) {
    }

    @PostMapping("/{id}/notes")
    IncidentResponse addNote(@PathVariable String id, @Valid @RequestBody NoteRequest note) {
        return IncidentResponse.of(responding.addNote(id, ApiClients.current(), note.text()));
    }

    record NoteRequest(@NotBlank @Size(max = 10_000) String text) {
    }

    record IncidentSummaryResponse(String id, long number, String serviceId, String serviceName, String teamId,
                                   String title, Severity severity, String priority, IncidentStatus status,
                                   Instant triggeredAt, Instant acknowledgedAt, Instant resolvedAt, int alertCount) {

        static IncidentSummaryResponse of(Incident incident) {
            return new IncidentSummaryResponse(incident.id(), incident.number(), incident.service().id(),
                    incident.service().name(), incident.service().teamId(), incident.title(), incident.severity(),
                    incident.priority(), incident.status(),
                    incident.triggeredAt(), incident.acknowledgedAt(), incident.resolvedAt(),
                    incident.alertSummary().total());
        }
    }

    /** One state, or {@code open}: triggered or acknowledged. */
    private static Set<IncidentStatus> parseStatus(String status) {
        if (status != null && status.trim().equalsIgnoreCase(OPEN_STATUSES)) {
            return IncidentFilter.OPEN;
        }
        IncidentStatus one = parse(IncidentStatus.class, "status", status, OPEN_STATUSES);
        return one == null ? null : Set.of(one);
    }

    /** Case-insensitive; 400 naming the parameter and its allowed values (with {@code alsoAllowed}). */
    private static <E extends Enum<E>> E parse(Class<E> type, String parameter, String value, String... alsoAllowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(List.of(new InvalidRequestException.FieldProblem(parameter,
                    "must be one of " + Stream.concat(Arrays.stream(type.getEnumConstants())
                            .map(constant -> constant.name().toLowerCase(Locale.ROOT)), Stream.of(alsoAllowed)).toList())));
        }
    }
}
