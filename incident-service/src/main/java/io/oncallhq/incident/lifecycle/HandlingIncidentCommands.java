package io.oncallhq.incident.lifecycle;

import io.oncallhq.contracts.Actor;
import io.oncallhq.contracts.ContractEvent;
import io.oncallhq.contracts.command.AcknowledgeIncident;
import io.oncallhq.contracts.command.AddNote;
import io.oncallhq.contracts.command.EscalateIncident;
import io.oncallhq.contracts.command.IncidentCommand;
import io.oncallhq.contracts.command.ReassignIncident;
import io.oncallhq.contracts.command.ResolveIncident;
import io.oncallhq.contracts.cloudevents.ReceivedEvent;
import io.oncallhq.incident.directory.OnCallDirectory;
import io.oncallhq.incident.escalation.Escalating;
import io.oncallhq.incident.escalation.UnknownResponderException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import static io.oncallhq.incident.lifecycle.Timeline.nameOf;
import static io.oncallhq.outbox.Change.changed;

/**
 * Commands from {@code incident-commands} (Slack buttons, slash commands, API clients). Idempotent by the command's
 * event id. A command the incident's status does not allow (or one naming an unknown responder) is not an error
 * worth retrying: it is kept as a timeline line and otherwise ignored.
 */
@Service
class HandlingIncidentCommands {

    private final Incidents incidents;
    private final OnCallDirectory directory;
    private final Escalating escalating;
    private final Clock clock;

    HandlingIncidentCommands(Incidents incidents, OnCallDirectory directory, Escalating escalating, Clock clock) {
        this.incidents = incidents;
        this.directory = directory;
        this.escalating = escalating;
        this.clock = clock;
    }

    void handle(ReceivedEvent<IncidentCommand> event) {
        IncidentCommand command = event.data();
        Actor actor = asResponder(command.actor());
        Instant now = clock.instant();
        incidents.updateOnce(command.incidentId(), event.id(), incident -> {
            List<? extends ContractEvent> events;
            try {
                events = switch (command) {
                    case AcknowledgeIncident ignored -> incident.acknowledge(actor, now);
                    case ResolveIncident ignored -> incident.resolve(actor, null, now);
                    case EscalateIncident ignored -> escalating.escalateOnRequest(incident, actor, now);
                    case AddNote note -> incident.addNote(actor, note.text(), now);
                    case ReassignIncident reassign -> escalating.reassign(incident, reassign.responderId(), actor, now);
                };
            } catch (IllegalTransitionException | UnknownResponderException notAllowed) {
                incident.ignored(actor, "Ignored a request by " + nameOf(actor) + ": " + reason(notAllowed), now);
                events = List.of();
            }
            return changed(events);
        });
    }

    /** A Slack user who is a known responder acts as that responder. */
    private Actor asResponder(Actor actor) {
        if (actor == null || !Actor.SLACK_USER.equals(actor.kind())) {
            return actor;
        }
        return directory.responderWithSlackId(actor.id())
                .map(responder -> Actor.responder(responder.id(), responder.name()))
                .orElse(actor);
    }

    private static String reason(RuntimeException notAllowed) {
        return notAllowed instanceof UnknownResponderException unknown
                ? unknown.problems().getFirst().message() : notAllowed.getMessage();
    }
}
