package io.oncallhq.notification;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

import static io.oncallhq.apisecurity.ArchitectureRules.controllersAndRequestsArePackagePrivate;
import static io.oncallhq.apisecurity.ArchitectureRules.domainIsPlainJava;
import static io.oncallhq.apisecurity.ArchitectureRules.neverUsesAnotherService;
import static io.oncallhq.apisecurity.ArchitectureRules.onlyTheOutboxWritesOutboxMessages;
import static io.oncallhq.apisecurity.ArchitectureRules.productionClasses;

/** The architecture rules every service keeps, for notification-service; its domain is the page deliveries, digests and team channel messages, and the channel ports. */
class ArchitectureTest {

    private static final String SERVICE = "io.oncallhq.notification";
    private static final JavaClasses CLASSES = productionClasses(SERVICE);

    @Test
    void usesNoOtherService() {
        neverUsesAnotherService(SERVICE).check(CLASSES);
    }

    @Test
    void theDomainIsPlainJava() {
        domainIsPlainJava(CLASSES,
                SERVICE + ".paging.PageDelivery",
                SERVICE + ".paging.PageDigest",
                SERVICE + ".paging.TeamChannelMessage",
                SERVICE + ".paging.SendingOrder",
                SERVICE + ".paging.Page",
                SERVICE + ".paging.PageState",
                SERVICE + ".paging.DeliveryStatus",
                SERVICE + ".paging.Destination",
                SERVICE + ".paging.ContactRoutes",
                SERVICE + ".paging.IncidentChange",
                SERVICE + ".paging.PagingChannel",
                SERVICE + ".paging.TeamChannel").check(CLASSES);
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
