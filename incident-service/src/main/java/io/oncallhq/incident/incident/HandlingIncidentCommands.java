package io.oncallhq.incident.incident;

import io.oncallhq.contracts.Actor;
import io.oncallhq.contracts.ContractEvent;
import io.oncallhq.contracts.command.AcknowledgeIncident;
import io.oncallhq.contracts.command.AddNote;
import io.oncallhq.contracts.command.EscalateIncident;
import io.oncallhq.contracts.command.IncidentCommand;
import io.oncallhq.contracts.command.ResolveIncident;
import io.oncallhq.contracts.cloudevents.ReceivedEvent;
import io.oncallhq.contracts.page.PageRequested;
import io.oncallhq.incident.oncall.OnCallDirectory;
import io.oncallhq.incident.paging.Pager;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.oncallhq.incident.incident.Incidents.changed;
import static io.oncallhq.incident.incident.Incidents.unchanged;

/**
 * Commands from {@code incident-commands} (Slack buttons, slash commands, API clients). Idempotent by the command's
 * event id. A command the incident's status does not allow is not an error worth retrying: it is kept as a
 * timeline line and otherwise ignored.
 */
@Service
class HandlingIncidentCommands {

    private final Incidents incidents;
    private final OnCallDirectory directory;
    private final Pager pager;
    private final Clock clock;

    HandlingIncidentCommands(Incidents incidents, OnCallDirectory directory, Pager pager, Clock clock) {
        this.incidents = incidents;
        this.directory = directory;
        this.pager = pager;
        this.clock = clock;
    }

    void handle(ReceivedEvent<IncidentCommand> event) {
        IncidentCommand command = event.data();
        Actor actor = asResponder(command.actor());
        Instant now = clock.instant();
        incidents.update(command.incidentId(), incident -> {
            if (incident.hasProcessed(event.id())) {
                return unchanged();
            }
            List<? extends ContractEvent> events;
            try {
                events = switch (command) {
                    case AcknowledgeIncident ignored -> incident.acknowledge(actor, now);
                    case ResolveIncident ignored -> incident.resolve(actor, null, now);
                    case EscalateIncident ignored -> escalate(incident, actor, now);
                    case AddNote note -> incident.addNote(actor, note.text(), now);
                };
            } catch (IllegalTransitionException notAllowed) {
                incident.ignored(actor, "Ignored a request by " + nameOf(actor) + ": " + notAllowed.getMessage(), now);
                events = List.of();
            }
            incident.markProcessed(event.id());
            return changed(events);
        });
    }

    /** Pages the next level of the service's policy, if it has one. */
    private List<ContractEvent> escalate(Incident incident, Actor by, Instant now) {
        int next = incident.escalationLevel() + 1;
        Optional<List<PageRequested>> pages = pager.pageLevel(
                new Pager.Subject(incident.id(), incident.number(), incident.title(), incident.severity()),
                directory.service(incident.service().id()), next, now);
        if (pages.isEmpty()) {
            incident.escalationExhausted(by, now);
            return List.of();
        }
        List<ContractEvent> events = new ArrayList<>(incident.escalate(next, by, now));
        events.addAll(pages.get());
        events.addAll(incident.pagesRequested(pages.get()));
        return events;
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

    private static String nameOf(Actor actor) {
        return actor.name() != null ? actor.name() : actor.id();
    }
}
