package io.oncallhq.ingest;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

import static io.oncallhq.apisecurity.ArchitectureRules.controllersAndRequestsArePackagePrivate;
import static io.oncallhq.apisecurity.ArchitectureRules.domainIsPlainJava;
import static io.oncallhq.apisecurity.ArchitectureRules.neverUsesAnotherService;
import static io.oncallhq.apisecurity.ArchitectureRules.onlyTheOutboxWritesOutboxMessages;
import static io.oncallhq.apisecurity.ArchitectureRules.productionClasses;

/** The architecture rules every service keeps, for alert-ingest; its domain is the integrations, heartbeats and normalised alerts. */
class ArchitectureTest {

    private static final String SERVICE = "io.oncallhq.ingest";
    private static final JavaClasses CLASSES = productionClasses(SERVICE);

    @Test
    void usesNoOtherService() {
        neverUsesAnotherService(SERVICE).check(CLASSES);
    }

    @Test
    void theDomainIsPlainJava() {
        domainIsPlainJava(CLASSES,
                SERVICE + ".integration.Integration",
                SERVICE + ".integration.IntegrationKey",
                SERVICE + ".integration.KeyHash",
                SERVICE + ".integration.Grouping",
                SERVICE + ".integration.IntegrationType",
                SERVICE + ".heartbeat.Heartbeat",
                SERVICE + ".intake.NormalisedAlert",
                SERVICE + ".intake.DedupKey",
                SERVICE + ".alertmanager.AlertGroup",
                SERVICE + ".alertmanager.LabelledAlert",
                SERVICE + ".alertmanager.LabelledAlerts",
                SERVICE + ".alertmanager.LabelSeverity").check(CLASSES);
    }

    @Test
    void controllersAndTheirRequestsArePackagePrivate() {
        controllersAndRequestsArePackagePrivate(CLASSES, SERVICE).check(CLASSES);
    }

    @Test
    void outboxMessagesAreMadeByTheOutboxOnly() {
        onlyTheOutboxWritesOutboxMessages(SERVICE).check(CLASSES);
    }
}
