package io.oncallhq.incident.configascode;

import io.oncallhq.incident.directory.ResponderRequest;
import io.oncallhq.incident.directory.ServiceRequest;
import io.oncallhq.incident.directory.TeamRequest;
import io.oncallhq.incident.schedule.ScheduleRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One on-call configuration document: every object keyed by its id, written as the REST API's request bodies.
 * A service's escalation policy is written inside the service, as it is stored.
 */
public record OnCallConfigDocument(Map<@Pattern(regexp = ID, message = ID_MESSAGE) String, @Valid @NotNull ResponderRequest> responders,
                                   Map<@Pattern(regexp = ID, message = ID_MESSAGE) String, @Valid @NotNull TeamRequest> teams,
                                   Map<@Pattern(regexp = ID, message = ID_MESSAGE) String, @Valid @NotNull ScheduleRequest> schedules,
                                   Map<@Pattern(regexp = ID, message = ID_MESSAGE) String, @Valid @NotNull ServiceRequest> services) {

    static final String ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,99}";
    static final String ID_MESSAGE = "ids are letters, digits, '.', '_' and '-' (at most 100)";

    public OnCallConfigDocument {
        responders = ordered(responders);
        teams = ordered(teams);
        schedules = ordered(schedules);
        services = ordered(services);
    }

    boolean isEmpty() {
        return responders.isEmpty() && teams.isEmpty() && schedules.isEmpty() && services.isEmpty();
    }

    /** The same document with responder {@code id}'s Slack user id replaced (the demo takes it from the environment). */
    OnCallConfigDocument withSlackUserId(String responderId, String slackUserId) {
        Map<String, ResponderRequest> changed = new LinkedHashMap<>(responders);
        changed.computeIfPresent(responderId, (id, responder) -> responder.withSlackUserId(slackUserId));
        return new OnCallConfigDocument(changed, teams, schedules, services);
    }

    private static <T> Map<String, T> ordered(Map<String, T> entries) {
        return entries == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }
}
