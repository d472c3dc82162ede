package io.oncallhq.incident;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

import static io.oncallhq.apisecurity.ArchitectureRules.controllersAndRequestsArePackagePrivate;
import static io.oncallhq.apisecurity.ArchitectureRules.domainIsPlainJava;
import static io.oncallhq.apisecurity.ArchitectureRules.neverUsesAnotherService;
import static io.oncallhq.apisecurity.ArchitectureRules.onlyTheOutboxWritesOutboxMessages;
import static io.oncallhq.apisecurity.ArchitectureRules.productionClasses;

/** The architecture rules every service keeps, for incident-service; its domain is the incident aggregate and what it delegates to, correlation, the on-call model and schedules. */
class ArchitectureTest {

    private static final String SERVICE = "io.oncallhq.incident";
    private static final JavaClasses CLASSES = productionClasses(SERVICE);

    @Test
    void usesNoOtherService() {
        neverUsesAnotherService(SERVICE).check(CLASSES);
    }

    @Test
    void theDomainIsPlainJava() {
        domainIsPlainJava(CLASSES,
                SERVICE + ".lifecycle.Incident",
                SERVICE + ".lifecycle.Triage",
                SERVICE + ".lifecycle.IncidentAlerts",
                SERVICE + ".lifecycle.IncidentAlert",
                SERVICE + ".lifecycle.Escalation",
                SERVICE + ".lifecycle.EscalationStep",
                SERVICE + ".lifecycle.PageHistory",
                SERVICE + ".lifecycle.PageLog",
                SERVICE + ".lifecycle.Timeline",
                SERVICE + ".lifecycle.TimelineEntry",
                SERVICE + ".lifecycle.Assignee",
                SERVICE + ".lifecycle.IncidentStatus",
                SERVICE + ".correlation.Correlator",
                SERVICE + ".correlation.CorrelationDecision",
                SERVICE + ".directory.EscalationPolicy",
                SERVICE + ".directory.ContactRule",
                SERVICE + ".directory.WorkingHours",
                SERVICE + ".directory.LevelOnCall",
                SERVICE + ".schedule.Schedule",
                SERVICE + ".schedule.RotationLayer",
                SERVICE + ".schedule.Shift",
                SERVICE + ".schedule.ScheduleOverride",
                SERVICE + ".schedule.Gap",
                SERVICE + ".silence.LabelMatcher",
                SERVICE + ".paging.LevelPaging").check(CLASSES);
    }

    @Test
    void controllersAndTheirRequestsArePackagePrivate() {
        // Public on purpose: configascode reads on-call configuration as code into the same records as the REST API.
        controllersAndRequestsArePackagePrivate(CLASSES, SERVICE,
                SERVICE + ".directory.ResponderRequest",
                SERVICE + ".directory.ServiceRequest",
                SERVICE + ".directory.TeamRequest",
                SERVICE + ".schedule.ScheduleRequest").check(CLASSES);
    }

    @Test
    void outboxMessagesAreMadeByTheOutboxOnly() {
        onlyTheOutboxWritesOutboxMessages(SERVICE).check(CLASSES);
    }
}
