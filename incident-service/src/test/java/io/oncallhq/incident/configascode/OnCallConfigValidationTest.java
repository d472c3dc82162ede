package io.oncallhq.incident.configascode;

import io.oncallhq.incident.config.InvalidRequestException;
import io.oncallhq.incident.config.InvalidRequestException.FieldProblem;
import io.oncallhq.incident.directory.KnownIds;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class OnCallConfigValidationTest {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();
    private static final KnownIds NOTHING_STORED = stored(Set.of());

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void theExampleDocumentIsValidOnItsOwnEvenWithPrune() throws IOException {
        OnCallConfigDocument example = OnCallConfigYaml.parse(Files.readString(Path.of("examples/oncall.yaml")));

        assertThat(OnCallConfigValidation.problems(example, VALIDATOR, NOTHING_STORED, true)).isEmpty();
        assertThat(example.services().keySet()).containsExactly("storefront-web", "storefront-search");
    }

    @Test
    void everyFaultIsListedWithItsPathInTheDocument() {
        OnCallConfigDocument document = OnCallConfigYaml.parse("""
                responders:
                  alex:
                    name: Alex Rivera
                    email: not-an-address
                    timeZone: Europe/Atlantis
                    contactRules:
                      - { channel: pigeon, address: roof }
                      - { channel: webhook, address: "ftp://example.com" }
                teams:
                  payments: { name: Payments, members: [alex, nobody] }
                schedules:
                  primary:
                    name: Primary
                    timeZone: Europe/Berlin
                    layers:
                      - { participants: [ghost], shiftLength: 1, unit: WEEKS, handoffTime: "09:00", startDate: 2026-01-05 }
                services:
                  checkout-api:
                    name: Checkout API
                    teamId: platform
                    escalationPolicy:
                      levels: [{ scheduleIds: [missing], delayMinutes: 0 }]
                """);

        List<FieldProblem> problems = OnCallConfigValidation.problems(document, VALIDATOR, NOTHING_STORED, false);

        assertThat(problems).extracting(FieldProblem::field).containsExactlyInAnyOrder(
                "responders[alex].email",
                "responders[alex].timeZoneKnown",
                "responders[alex].contactRules[0].channel",
                "responders[alex].contactRules[1].addressFitForChannel",
                "teams[payments].members[1]",
                "schedules[primary].layers[0].participants[0]",
                "services[checkout-api].teamId",
                "services[checkout-api].escalationPolicy.levels[0].delayMinutes",
                "services[checkout-api].escalationPolicy.levels[0].scheduleIds[0]");
    }

    @Test
    void referencesMayPointToStoredObjectsUnlessTheDocumentIsPruned() {
        OnCallConfigDocument document = OnCallConfigYaml.parse("""
                teams:
                  payments: { name: Payments, members: [alex] }
                """);
        KnownIds alexStored = stored(Set.of("alex"));

        assertThat(OnCallConfigValidation.problems(document, VALIDATOR, alexStored, false)).isEmpty();
        assertThat(OnCallConfigValidation.problems(document, VALIDATOR, alexStored, true))
                .extracting(FieldProblem::field).containsExactly("teams[payments].members[0]");
    }

    @Test
    void aMisspelledFieldIsAFaultNamingWhereItIs() {
        InvalidRequestException invalid = catchThrowableOfType(InvalidRequestException.class,
                () -> OnCallConfigYaml.parse("""
                        teams:
                          payments: { name: Payments, slackChanel: C0PAY }
                        """));

        assertThat(invalid.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("teams[payments].slackChanel");
            assertThat(problem.message()).contains("line 2");
        });
    }

    @Test
    void anEmptyDocumentIsRefusedRatherThanPruningEverything() {
        InvalidRequestException invalid = catchThrowableOfType(InvalidRequestException.class,
                () -> OnCallConfigYaml.parse("# nothing yet\n"));

        assertThat(invalid.problems()).singleElement().extracting(FieldProblem::message).asString()
                .contains("empty");
    }

    @Test
    void anIdThatCouldNotBeAPathSegmentIsAFault() {
        OnCallConfigDocument document = OnCallConfigYaml.parse("""
                teams:
                  "pay ments": { name: Payments }
                """);

        assertThat(OnCallConfigValidation.problems(document, VALIDATOR, NOTHING_STORED, false))
                .extracting(FieldProblem::field).containsExactly("teams[pay ments]");
    }

    private static KnownIds stored(Set<String> responders) {
        return new KnownIds() {
            @Override
            public boolean hasResponder(String id) {
                return responders.contains(id);
            }

            @Override
            public boolean hasTeam(String id) {
                return false;
            }

            @Override
            public boolean hasSchedule(String id) {
                return false;
            }
        };
    }
}
