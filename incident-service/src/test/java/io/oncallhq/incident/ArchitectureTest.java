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
                SERVICE + ".incident.Incident",
                SERVICE + ".incident.Triage",
                SERVICE + ".incident.IncidentAlerts",
                SERVICE + ".incident.IncidentAlert",
                SERVICE + ".incident.Escalation",
                SERVICE + ".incident.EscalationStep",
                SERVICE + ".incident.PageHistory",
                SERVICE + ".incident.PageLog",
                SERVICE + ".incident.Timeline",
                SERVICE + ".incident.TimelineEntry",
                SERVICE + ".incident.Assignee",
                SERVICE + ".incident.IncidentStatus",
                SERVICE + ".correlation.Correlator",
                SERVICE + ".correlation.CorrelationDecision",
                SERVICE + ".oncall.EscalationPolicy",
                SERVICE + ".oncall.ContactRule",
                SERVICE + ".oncall.WorkingHours",
                SERVICE + ".oncall.LevelOnCall",
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
        // Public on purpose: oncallconfig reads on-call configuration as code into the same records as the REST API.
        controllersAndRequestsArePackagePrivate(CLASSES, SERVICE,
                SERVICE + ".oncall.ResponderRequest",
                SERVICE + ".oncall.ServiceRequest",
                SERVICE + ".oncall.TeamRequest",
                SERVICE + ".schedule.ScheduleRequest").check(CLASSES);
    }

    @Test
    void outboxMessagesAreMadeByTheOutboxOnly() {
        onlyTheOutboxWritesOutboxMessages(CLASSES, SERVICE).check(CLASSES);
    }
}
