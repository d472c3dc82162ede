package io.oncallhq.incident.correlation;

import io.oncallhq.contracts.Actor;
import io.oncallhq.contracts.ContractEvent;
import io.oncallhq.contracts.alert.AlertAcknowledged;
import io.oncallhq.contracts.alert.AlertEvent;
import io.oncallhq.contracts.alert.AlertResolved;
import io.oncallhq.contracts.alert.AlertTriggered;
import io.oncallhq.contracts.cloudevents.ReceivedEvent;
import io.oncallhq.incident.escalation.Escalating;
import io.oncallhq.incident.lifecycle.IllegalTransitionException;
import io.oncallhq.incident.lifecycle.Incident;
import io.oncallhq.incident.lifecycle.IncidentAlert;
import io.oncallhq.incident.lifecycle.Incidents;
import io.oncallhq.incident.lifecycle.ServiceRef;
import io.oncallhq.incident.directory.OnCallDirectory;
import io.oncallhq.incident.directory.TechnicalService;
import io.oncallhq.incident.silence.Silence;
import io.oncallhq.incident.silence.Silences;
import io.oncallhq.outbox.Change;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Alerts into incidents: a triggered alert joins an open incident, reopens a flapping one or opens a new one (and
 * pages level 1, unless a silence matches it: then the timeline says which, and nobody is paged); a resolved or
 * acknowledged alert changes the incident that holds it. An alert event already taken in by an incident changes
 * nothing, so a redelivery never opens a second incident. Every incident an alert may belong to is found by a key,
 * so the cost of an alert does not grow with the incidents stored.
 */
@Service
class CorrelatingAlerts {

    private static final Logger log = LoggerFactory.getLogger(CorrelatingAlerts.class);

    private final Incidents incidents;
    private final OnCallDirectory directory;
    private final Escalating escalating;
    private final Clock clock;
    private final Silences silences;
    private final Correlator correlator = new Correlator();

    CorrelatingAlerts(Incidents incidents, OnCallDirectory directory, Escalating escalating, Silences silences,
                      Clock clock) {
        this.incidents = incidents;
        this.silences = silences;
        this.directory = directory;
        this.escalating = escalating;
        this.clock = clock;
    }

    /** @throws io.oncallhq.incident.directory.ServiceNotFoundException for an unknown service (dead-lettered) */
    void handle(ReceivedEvent<AlertEvent> event) {
        TechnicalService service = directory.service(event.data().serviceId());
        if (incidents.tookAlertEvent(event.id())) {
            log.info("Alert event {} was processed before; ignoring the redelivery", event.id());
            return;
        }
        Instant now = clock.instant();
        switch (event.data()) {
            case AlertTriggered triggered -> triggered(event.id(), triggered, service, now);
            case AlertResolved resolved -> onIncidentHolding(event.id(), resolved, service, (incident, stored) ->
                    incident.alertResolved(stored, service.resolvesAutomatically(), now));
            case AlertAcknowledged acknowledged -> onIncidentHolding(event.id(), acknowledged, service, (incident, stored) ->
                    acknowledge(incident, integration(acknowledged.integrationId()), now));
        }
    }

    private void triggered(String eventId, AlertTriggered alert, TechnicalService service, Instant now) {
        Correlator.Settings settings = settingsOf(service);
        Optional<Silence> silence = silences.matching(service.id(), alert.labels(), now);
        switch (correlator.decide(alert.incidentGroup() != null, candidates(alert, service, settings), settings, now)) {
            case CorrelationDecision.AttachTo(String incidentId, String why) -> onceFor(eventId, incidentId, alert, (incident, stored) -> {
                List<ContractEvent> events = new ArrayList<>(incident.attach(alert, stored, why, now));
                silence.ifPresent(matched -> incident.silencedAlert(alert.dedupKey(), matched.reason(), now));
                return events;
            });
            case CorrelationDecision.ReopenFlapping(String incidentId) -> onceFor(eventId, incidentId, alert, (incident, stored) -> {
                List<ContractEvent> events = new ArrayList<>(incident.reopenFlapping(alert, stored, now));
                events.addAll(pageOrSuppress(incident, service, silence, now));
                return events;
            });
            case CorrelationDecision.OpenNew() -> open(eventId, alert, service, silence, now);
        }
    }

    /**
     * Each candidate is a whole incident read, so only those the decision can still need are read: none other when the
     * open incident holding the alert takes it (every repeat of a group's alert).
     */
    private Correlator.Candidates candidates(AlertTriggered alert, TechnicalService service, Correlator.Settings settings) {
        String serviceId = service.id();
        Optional<Incident> holding = incidents.latestHolding(serviceId, alert.dedupKey());
        if (holding.filter(Incident::isOpen).isPresent()) {
            return new Correlator.Candidates(holding, Optional.empty(), Optional.empty());
        }
        return new Correlator.Candidates(holding,
                alert.incidentGroup() == null ? Optional.empty() : incidents.latestOfGroup(serviceId, alert.incidentGroup()),
                settings.groupingWindow() == null ? Optional.empty() : incidents.newestOf(serviceId));
    }

    private void open(String eventId, AlertTriggered alert, TechnicalService service, Optional<Silence> silence,
                      Instant now) {
        // Derived from the event id: should a redelivery ever slip past the applied-id check, its insert
        // collides with the first incident on the unique _id instead of opening a second one.
        String incidentId = UUID.nameUUIDFromBytes(("alert-event:" + eventId).getBytes(StandardCharsets.UTF_8)).toString();
        Incident.Opened opened = Incident.open(incidentId, incidents.nextNumber(),
                new ServiceRef(service.id(), service.name(), service.teamId()), alert, now);
        Incident incident = opened.incident();
        List<ContractEvent> events = new ArrayList<>(opened.events());
        events.addAll(pageOrSuppress(incident, service, silence, now));
        boolean inserted = incidents.insert(incident, eventId, events);
        incidents.alertEventTaken(eventId, incidentId);
        if (inserted) {
            log.info("Incident #{} ({}) opened for {} by alert {}", incident.number(), incidentId, service.id(),
                    alert.dedupKey());
        }
    }

    /** Level 1 is paged, unless a silence matched: then nobody is paged and no timer is set. */
    private List<? extends ContractEvent> pageOrSuppress(Incident incident, TechnicalService service,
                                                         Optional<Silence> silence, Instant now) {
        return silence.isPresent()
                ? incident.pagingSuppressed(silence.get().id(), silence.get().reason(), now)
                : escalating.pageFirstLevel(incident, service, now);
    }

    /** For a triggered alert: its key points at the incident before the change makes the incident hold it. */
    private void onceFor(String eventId, String incidentId, AlertTriggered alert, AlertChange change) {
        incidents.willHoldAlert(alert.serviceId(), alert.dedupKey(), incidentId);
        onceFor(eventId, incidentId, alert.dedupKey(), change);
    }

    /**
     * Applies the change to the incident and its alert as stored unless the incident took this event in before; once
     * stored, remembers that it did.
     */
    private void onceFor(String eventId, String incidentId, String dedupKey, AlertChange change) {
        Optional<IncidentAlert> stored = incidents.storedAlert(incidentId, dedupKey, eventId);
        incidents.updateOnce(incidentId, eventId, incident -> Change.changed(change.apply(incident, stored)));
        incidents.alertEventTaken(eventId, incidentId);
    }

    /** A change of an incident caused by one of its alerts, given that alert as stored (empty when new to it). */
    private interface AlertChange extends BiFunction<Incident, Optional<IncidentAlert>, List<? extends ContractEvent>> {
    }

    private static Correlator.Settings settingsOf(TechnicalService service) {
        return new Correlator.Settings(minutes(service.groupingWindowMinutes()), minutes(service.flapHoldOpenMinutes()));
    }

    private static Duration minutes(Integer minutes) {
        return minutes == null || minutes <= 0 ? null : Duration.ofMinutes(minutes);
    }

    private void onIncidentHolding(String eventId, AlertEvent alert, TechnicalService service, AlertChange change) {
        Optional<Incident> holding = incidents.openHolding(service.id(), alert.dedupKey());
        if (holding.isEmpty()) {
            log.info("No open incident of {} holds alert {}; nothing to change", service.id(), alert.dedupKey());
            return;
        }
        onceFor(eventId, holding.get().id(), alert.dedupKey(), change);
    }

    private static List<? extends ContractEvent> acknowledge(Incident incident, Actor by, Instant now) {
        try {
            return incident.acknowledge(by, now);
        } catch (IllegalTransitionException e) {
            incident.ignored(by, "Acknowledgement from the monitoring system ignored: " + e.getMessage(), now);
            return List.of();
        }
    }

    private static Actor integration(String integrationId) {
        return new Actor(Actor.API, integrationId, "integration " + integrationId);
    }
}
