package io.oncallhq.apisecurity;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The architecture every service keeps, as ArchUnit rules over one service's production classes. Each service's
 * {@code ArchitectureTest} checks them, naming what is specific to it: its domain classes, and the exceptions it has
 * today, each with its reason.
 */
public final class ArchitectureRules {

    private static final List<String> SERVICES = List.of("io.oncallhq.ingest", "io.oncallhq.incident",
            "io.oncallhq.notification", "io.oncallhq.postmortem");
    private static final String OUTBOX_MESSAGE = "io.oncallhq.outbox.OutboxMessage";

    private ArchitectureRules() {
    }

    /** The service's production classes (not its tests). */
    public static JavaClasses productionClasses(String servicePackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(servicePackage);
    }

    /** Services talk over Kafka and HTTP only: no class of one refers to a class of another. */
    public static ArchRule neverUsesAnotherService(String servicePackage) {
        String[] others = SERVICES.stream().filter(service -> !service.equals(servicePackage))
                .map(service -> service + "..").toArray(String[]::new);
        return noClasses().that().resideInAPackage(servicePackage + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .because("services share only the event contracts and their HTTP APIs");
    }

    /**
     * The domain decides with plain Java: no Spring or MongoDB type in it. Packages are by feature, so the domain is
     * named class by class.
     */
    public static ArchRule domainIsPlainJava(JavaClasses service, String... domainClasses) {
        Set<String> names = existing(service, domainClasses);
        return noClasses().that(DescribedPredicate.describe("are domain classes (or nested in one) " + names,
                        (JavaClass javaClass) -> names.stream().anyMatch(name -> javaClass.getName().equals(name)
                                || javaClass.getName().startsWith(name + "$"))))
                .should().dependOnClassesThat(resideInAnyPackage("org.springframework..", "com.mongodb..", "org.bson.."))
                .because("aggregates decide and take the time as an argument; use cases and adapters do the I/O");
    }

    /**
     * Controllers and the records they read from a request stay inside their feature package.
     *
     * @param sharedRequests requests that are public on purpose, each with its reason in the service's test
     */
    public static ArchRule controllersAndRequestsArePackagePrivate(JavaClasses service, String servicePackage,
                                                                   String... sharedRequests) {
        Set<String> shared = existing(service, sharedRequests);
        return classes().that().resideInAPackage(servicePackage + "..")
                .and(DescribedPredicate.describe("are controllers or their request records",
                        (JavaClass javaClass) -> javaClass.isAnnotatedWith("org.springframework.web.bind.annotation.RestController")
                                || javaClass.isAnnotatedWith("org.springframework.stereotype.Controller")
                                || javaClass.getSimpleName().endsWith("Request") && !javaClass.isNestedClass()))
                .and(DescribedPredicate.describe("are not shared on purpose " + shared,
                        (JavaClass javaClass) -> !shared.contains(javaClass.getName())))
                .should().notHaveModifier(JavaModifier.PUBLIC)
                .because("REST speaks records of its own feature; nothing else builds on them");
    }

    /** Outbox messages are made by the outbox module only, which writes them with the state change they belong to. */
    public static ArchRule onlyTheOutboxWritesOutboxMessages(String servicePackage) {
        return noClasses().that().resideInAPackage(servicePackage + "..")
                .should().callCodeUnitWhere(DescribedPredicate.describe("makes an " + OUTBOX_MESSAGE,
                        call -> call.getTargetOwner().getName().equals(OUTBOX_MESSAGE)
                                && (call.getName().equals("of") || call.getName().equals(JavaConstructor.CONSTRUCTOR_NAME))))
                .because("state and the events it causes are written together in one place, the outbox module");
    }

    /** The names, each of a class the service has: a name that no longer exists fails rather than silently matching nothing. */
    private static Set<String> existing(JavaClasses service, String... names) {
        Arrays.stream(names).forEach(service::get); // throws IllegalArgumentException for a class it does not have
        return Set.of(names);
    }
}
