package io.oncallhq.postmortem;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

import static io.oncallhq.apisecurity.ArchitectureRules.controllersAndRequestsArePackagePrivate;
import static io.oncallhq.apisecurity.ArchitectureRules.domainIsPlainJava;
import static io.oncallhq.apisecurity.ArchitectureRules.neverUsesAnotherService;
import static io.oncallhq.apisecurity.ArchitectureRules.onlyTheOutboxWritesOutboxMessages;
import static io.oncallhq.apisecurity.ArchitectureRules.productionClasses;

/** The architecture rules every service keeps, for postmortem-service; its domain is the post-mortem and its action items, the incident history it is drafted from, templates and changes. */
class ArchitectureTest {

    private static final String SERVICE = "io.oncallhq.postmortem";
    private static final JavaClasses CLASSES = productionClasses(SERVICE);

    @Test
    void usesNoOtherService() {
        neverUsesAnotherService(SERVICE).check(CLASSES);
    }

    @Test
    void theDomainIsPlainJava() {
        domainIsPlainJava(CLASSES,
                SERVICE + ".document.Postmortem",
                SERVICE + ".document.Section",
                SERVICE + ".review.ReviewRoles",
                SERVICE + ".review.PostmortemStatus",
                SERVICE + ".review.Transition",
                SERVICE + ".review.PublishedVersion",
                SERVICE + ".drafting.IncidentFacts",
                SERVICE + ".drafting.TimeSpan",
                SERVICE + ".timeline.TimelineCuration",
                SERVICE + ".timeline.Mitigation",
                SERVICE + ".actionitems.ActionItem",
                SERVICE + ".actionitems.ActionItemStatus",
                SERVICE + ".actionitems.ActionItemPriority",
                SERVICE + ".comments.Comment",
                SERVICE + ".history.IncidentHistory",
                SERVICE + ".history.IncidentAlert",
                SERVICE + ".history.AlertBurst",
                SERVICE + ".history.Timeline",
                SERVICE + ".history.TimelineEntry",
                SERVICE + ".template.Template",
                SERVICE + ".template.SectionTemplate",
                SERVICE + ".change.ServiceChange",
                SERVICE + ".change.ChangeWindow").check(CLASSES);
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
