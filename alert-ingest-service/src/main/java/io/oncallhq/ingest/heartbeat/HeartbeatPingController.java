package io.oncallhq.ingest.heartbeat;

import io.oncallhq.ingest.intake.EventIntake;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/** The ping: GET as well as POST, with any body or none, so {@code curl URL} in a cron job is enough. */
@RestController
@Tag(name = "Alerts")
class HeartbeatPingController {

    private final EventIntake intake;
    private final PingingHeartbeats pinging;

    HeartbeatPingController(EventIntake intake, PingingHeartbeats pinging) {
        this.intake = intake;
        this.pinging = pinging;
    }

    @RequestMapping(path = "/integrations/{key}/heartbeat", method = {RequestMethod.GET, RequestMethod.POST},
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Ping a heartbeat: the job is alive",
            description = "Resolves the heartbeat's overdue alert if one is open. 404 when the integration has no heartbeat; "
                    + "503 with Retry-After when the resolve could not be published (the ping was not stored).")
    HeartbeatResponse ping(@Parameter(description = "The integration key") @PathVariable String key) {
        return HeartbeatResponse.of(pinging.ping(intake.admit(key)));
    }
}
