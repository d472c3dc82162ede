package io.oncallhq.ingest.heartbeat;

import io.oncallhq.ingest.intake.FieldViolation;
import io.oncallhq.ingest.integration.InvalidIntegrationException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Part of the integrations admin API (unauthenticated until the shared security work, like IntegrationAdminController). */
@RestController
@Tag(name = "Integrations admin")
class HeartbeatAdminController {

    static final long MAX_SECONDS = Duration.ofDays(90).toSeconds();

    private final ManagingHeartbeats managing;

    HeartbeatAdminController(ManagingHeartbeats managing) {
        this.managing = managing;
    }

    @PutMapping(path = "/integrations/{id}/heartbeat/settings", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Start a heartbeat integration's heartbeat, or change its interval and grace period",
            description = "An alert is raised when no ping came within interval plus grace; the first ping is due that long after it starts.")
    HeartbeatResponse schedule(@PathVariable String id, @RequestBody ScheduleRequest request) {
        request.requireValid();
        return HeartbeatResponse.of(managing.schedule(id, Duration.ofSeconds(request.intervalSeconds()),
                Duration.ofSeconds(request.graceSeconds() == null ? 0 : request.graceSeconds())));
    }

    /** Not {@code GET /integrations/{id}/heartbeat}: that is the senders' ping, addressed by key. */
    @GetMapping(path = "/integrations/{id}/heartbeat/settings", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A heartbeat's settings and state: up, overdue (an alert is open) or paused, its last ping and when the next is due",
            description = "The answer of PUT and of a ping. 404 when the integration is unknown or has no heartbeat set up.")
    HeartbeatResponse read(@PathVariable String id) {
        return HeartbeatResponse.of(managing.get(id));
    }

    @PostMapping(path = "/integrations/{id}/heartbeat/pause", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Pause: no alert is raised however long pings stay away (an open alert stays open until a ping)")
    HeartbeatResponse pause(@PathVariable String id) {
        return HeartbeatResponse.of(managing.pause(id));
    }

    @PostMapping(path = "/integrations/{id}/heartbeat/resume", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Resume: the next ping is due within interval and grace from now")
    HeartbeatResponse resume(@PathVariable String id) {
        return HeartbeatResponse.of(managing.resume(id));
    }

    record ScheduleRequest(Long intervalSeconds, Long graceSeconds) {

        void requireValid() {
            List<FieldViolation> violations = new ArrayList<>();
            if (intervalSeconds == null || intervalSeconds < 1 || intervalSeconds > MAX_SECONDS) {
                violations.add(new FieldViolation("intervalSeconds", "is required, from 1 to " + MAX_SECONDS));
            }
            if (graceSeconds != null && (graceSeconds < 0 || graceSeconds > MAX_SECONDS)) {
                violations.add(new FieldViolation("graceSeconds", "must be from 0 to " + MAX_SECONDS));
            }
            if (!violations.isEmpty()) {
                throw new InvalidIntegrationException(violations);
            }
        }
    }
}
