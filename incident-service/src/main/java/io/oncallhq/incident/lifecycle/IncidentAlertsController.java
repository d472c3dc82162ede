package io.oncallhq.incident.lifecycle;

import io.oncallhq.incident.config.InvalidRequestException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.List;
import java.util.Locale;

/** Every alert of an incident, a page at a time: the incident itself shows only its first and newest. */
@RestController
class IncidentAlertsController {

    private final Incidents incidents;

    IncidentAlertsController(Incidents incidents) {
        this.incidents = incidents;
    }

    /**
     * In the order attached. When more alerts match than {@code limit}, the {@code Link} header names the next page
     * ({@code rel="next"}); its {@code cursor} is the {@code number} of the page's last alert.
     *
     * @param state {@code firing} or {@code resolved}; every alert when absent
     */
    @GetMapping("/incidents/{id}/alerts")
    ResponseEntity<List<IncidentResponse.AlertResponse>> list(
            @PathVariable String id, @RequestParam(required = false) String state,
            @RequestParam(required = false) @Size(max = 20) String cursor,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        IncidentAlert.AlertStatus status = statusOf(state);
        long after = numberOf(cursor);
        incidents.get(id);
        List<IncidentAlert> found = incidents.alertsOf(id, status, after, limit + 1);
        List<IncidentAlert> page = found.subList(0, Math.min(limit, found.size()));
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        if (found.size() > limit) {
            String next = ServletUriComponentsBuilder.fromCurrentRequest()
                    .replaceQueryParam("cursor", page.getLast().number()).build().toUriString();
            ok.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return ok.body(page.stream().map(IncidentResponse.AlertResponse::of).toList());
    }

    private static IncidentAlert.AlertStatus statusOf(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        return switch (state.trim().toLowerCase(Locale.ROOT)) {
            case "firing" -> IncidentAlert.AlertStatus.FIRING;
            case "resolved" -> IncidentAlert.AlertStatus.RESOLVED;
            default -> throw invalid("state", "must be one of [firing, resolved]");
        };
    }

    private static long numberOf(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            long number = Long.parseLong(cursor.trim());
            if (number >= 0) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // answered below like any other cursor this listing did not issue
        }
        throw invalid("cursor", "not a cursor this listing issued");
    }

    private static InvalidRequestException invalid(String parameter, String message) {
        return new InvalidRequestException(List.of(new InvalidRequestException.FieldProblem(parameter, message)));
    }
}
