package io.oncallhq.incident.lifecycle;

import io.oncallhq.contracts.Actor;
import io.oncallhq.contracts.ContractEvent;
import io.oncallhq.contracts.Severity;
import io.oncallhq.incident.config.InvalidRequestException;
import io.oncallhq.incident.escalation.Escalating;
import io.oncallhq.incident.directory.OnCallDirectory;
import io.oncallhq.incident.directory.ServiceNotFoundException;
import io.oncallhq.incident.directory.TechnicalService;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** An incident someone declares through the API: opened and paged as if an alert had opened it. */
@Service
class OpeningIncidentsByHand {

    private final Incidents incidents;
    private final OnCallDirectory directory;
    private final Escalating escalating;
    private final Clock clock;

    OpeningIncidentsByHand(Incidents incidents, OnCallDirectory directory, Escalating escalating, Clock clock) {
        this.incidents = incidents;
        this.directory = directory;
        this.escalating = escalating;
        this.clock = clock;
    }

    Incident open(String serviceId, String title, Severity severity, String details, Actor by) {
        TechnicalService service;
        try {
            service = directory.service(serviceId);
        } catch (ServiceNotFoundException unknown) {
            throw new InvalidRequestException(List.of(
                    new InvalidRequestException.FieldProblem("serviceId", "no service " + serviceId)));
        }
        Instant now = clock.instant();
        Incident.Opened opened = Incident.openManually(UUID.randomUUID().toString(), incidents.nextNumber(),
                new ServiceRef(service.id(), service.name(), service.teamId()), title, severity, details, by, now);
        List<ContractEvent> events = new ArrayList<>(opened.events());
        events.addAll(escalating.pageFirstLevel(opened.incident(), service, now));
        incidents.insert(opened.incident(), events);
        return opened.incident();
    }
}
