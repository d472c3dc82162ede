package io.oncallhq.notification.slack;

import io.oncallhq.contracts.Actor;
import io.oncallhq.contracts.command.AcknowledgeIncident;
import io.oncallhq.contracts.command.EscalateIncident;
import io.oncallhq.contracts.command.IncidentCommand;
import io.oncallhq.contracts.command.ResolveIncident;
import io.oncallhq.notification.paging.PageState;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * What a page button or an {@code /incident} verb asks of an incident (or, on a storm's digest, of each of its
 * incidents): its Slack {@code action_id}, the command it becomes, and when it is stale (the incident moved past what
 * it asks for).
 */
enum IncidentAction {

    ACKNOWLEDGE("incident_acknowledge", "Acknowledging") {
        @Override
        IncidentCommand command(String incidentId, Actor actor, Instant now) {
            return new AcknowledgeIncident(incidentId, actor, now);
        }
    },
    ESCALATE("incident_escalate", "Escalating") {
        @Override
        IncidentCommand command(String incidentId, Actor actor, Instant now) {
            return new EscalateIncident(incidentId, actor, now);
        }
    },
    RESOLVE("incident_resolve", "Resolving") {
        @Override
        IncidentCommand command(String incidentId, Actor actor, Instant now) {
            return new ResolveIncident(incidentId, actor, now);
        }
    },
    /** A storm digest's button, whose value is the digest id: one acknowledge per incident of the digest. */
    ACKNOWLEDGE_ALL("digest_acknowledge_all", "Acknowledging") {
        @Override
        IncidentCommand command(String incidentId, Actor actor, Instant now) {
            return new AcknowledgeIncident(incidentId, actor, now);
        }

        @Override
        boolean onDigest() {
            return true;
        }
    };

    private final String actionId;
    private final String doing;

    IncidentAction(String actionId, String doing) {
        this.actionId = actionId;
        this.doing = doing;
    }

    static Optional<IncidentAction> ofActionId(String actionId) {
        return Arrays.stream(values()).filter(action -> action.actionId.equals(actionId)).findFirst();
    }

    abstract IncidentCommand command(String incidentId, Actor actor, Instant now);

    /** Whether the button's value is a digest id (the action applies to each incident of the digest). */
    boolean onDigest() {
        return false;
    }

    String actionId() {
        return actionId;
    }

    /** {@code Acknowledging}: how the slash command's answer starts. */
    String doing() {
        return doing;
    }

    /**
     * Why this action on an incident in this state changes nothing, or null when it would: a resolved incident
     * takes none of them (escalating one is refused by incident-service), an acknowledged one no second acknowledge.
     */
    String staleness(PageState state) {
        boolean pastIt = switch (state.status()) {
            case OPEN -> false;
            case ACKNOWLEDGED -> this == ACKNOWLEDGE || this == ACKNOWLEDGE_ALL;
            case RESOLVED -> true;
        };
        if (!pastIt) {
            return null;
        }
        String what = state.status() == PageState.Status.RESOLVED ? "resolved" : "acknowledged";
        return "This incident was already " + what + " by " + state.by() + " at " + PageMessage.time(state.at())
                + ". Nothing was changed.";
    }
}
