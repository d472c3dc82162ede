package io.oncallhq.contracts;

import io.oncallhq.contracts.alert.AlertEvent;
import io.oncallhq.contracts.alert.AlertTriggered;
import io.oncallhq.contracts.change.ChangeEvent;
import io.oncallhq.contracts.cloudevents.CloudEventCodec;
import io.oncallhq.contracts.cloudevents.ReceivedEvent;
import io.oncallhq.contracts.command.IncidentCommand;
import io.oncallhq.contracts.incident.IncidentEvent;
import io.oncallhq.contracts.incident.IncidentResolved;
import io.oncallhq.contracts.page.PageDelivered;
import io.oncallhq.contracts.page.PageEvent;
import io.oncallhq.contracts.page.PageOutcomeEvent;
import io.oncallhq.contracts.page.PageRequested;
import io.oncallhq.contracts.postmortem.PostmortemEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.messaging.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each event type has a frozen example payload under {@code src/test/resources/examples/<type>.json}. A change
 * that alters an existing type's JSON fails here: add an optional field (and update the example) or make a new
 * version.
 */
class ContractRoundTripTest {

    static final List<Class<? extends ContractEvent>> FAMILIES =
            List.of(AlertEvent.class, ChangeEvent.class, IncidentEvent.class, PageEvent.class, PageOutcomeEvent.class, IncidentCommand.class,
                    PostmortemEvent.class);

    private final CloudEventCodec codec = new CloudEventCodec("contract-test");
    private final JsonMapper json = JsonMapper.builder().build();

    static Stream<ContractEvent> examples() {
        return ContractExamples.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void encodedPayloadMatchesTheFrozenExample(ContractEvent example) throws IOException {
        String type = example.getClass().getAnnotation(EventType.class).value();

        JsonNode encoded = json.readTree(codec.toJson(example));

        assertThat(encoded).isEqualTo(json.readTree(frozenExample(type)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void frozenExampleDecodesBackToTheSameEvent(ContractEvent example) throws IOException {
        String type = example.getClass().getAnnotation(EventType.class).value();
        Message<byte[]> message = codec.toMessage(example, "evt-1", ContractExamples.AT);
        Message<byte[]> fromFrozen = org.springframework.messaging.support.MessageBuilder
                .withPayload(frozenExample(type).getBytes(StandardCharsets.UTF_8))
                .copyHeaders(message.getHeaders())
                .build();

        ReceivedEvent<? extends ContractEvent> received = codec.decode(fromFrozen, familyOf(example)).orElseThrow();

        assertThat(received.data()).isEqualTo(example);
        assertThat(received.id()).isEqualTo("evt-1");
        assertThat(received.type()).isEqualTo(type);
        assertThat(received.time()).isEqualTo(ContractExamples.AT);
        assertThat(received.subject()).isEqualTo(example.subject());
    }

    @Test
    void everyEventTypeOfEveryFamilyHasAnExample() {
        List<Class<?>> covered = ContractExamples.all().stream().<Class<?>>map(Object::getClass).toList();

        for (Class<?> family : FAMILIES) {
            assertThat(covered).containsAll(Arrays.asList(family.getPermittedSubclasses()));
        }
    }

    @Test
    void aPageRequestWrittenBeforeContactRulesAndTeamChannelsStillDecodes() throws IOException {
        PageRequested page = decodeEarlier("page.requested.v1.before-contact-rules.json", PageRequested.class);

        assertThat(page.teamChannel()).isNull();
        assertThat(page.target().contactRules()).isEmpty();
        assertThat(page.target().slackUserId()).isEqualTo("U0DEMO0001");
    }

    @Test
    void aPageRequestWrittenBeforeRecentChangesStillDecodesWithoutAny() throws IOException {
        PageRequested page = decodeEarlier("page.requested.v1.before-recent-changes.json", PageRequested.class);

        assertThat(page.recentChanges()).isEmpty();
        assertThat(page.teamChannel()).isEqualTo("C0PAYMENTS");
    }

    @Test
    void aPageRequestWrittenBeforeItSaidWhyTheResponderWasChosenStillDecodes() throws IOException {
        PageRequested page = decodeEarlier("page.requested.v1.before-paged-because.json", PageRequested.class);

        assertThat(page.because()).isNull();
        assertThat(page.recentChanges()).hasSize(1);
    }

    @Test
    void anAlertWrittenBeforeIncidentGroupsStillDecodesAsItsOwnIncident() throws IOException {
        AlertTriggered alert = decodeEarlier("alert.triggered.v1.before-incident-group.json", AlertTriggered.class);

        assertThat(alert.incidentGroup()).isNull();
        assertThat(alert.dedupKey()).isEqualTo("generic:v1:checkout-latency");
    }

    @Test
    void aResolutionWrittenBeforeIncidentsKeptTheirOpeningTraceStillDecodes() throws IOException {
        IncidentResolved resolved = decodeEarlier("incident.resolved.v1.before-opening-trace.json", IncidentResolved.class);

        assertThat(resolved.openingTraceparent()).isNull();
        assertThat(resolved.reason()).isEqualTo("rolled back release 2026.11.22-1");
    }

    @Test
    void aDeliveryWrittenBeforeDigestsStillDecodesAsAPageSentOnItsOwn() throws IOException {
        PageDelivered delivered = decodeEarlier("page.delivered.v1.before-digest.json", PageDelivered.class);

        assertThat(delivered.digest()).isNull();
        assertThat(delivered.messageRef()).isEqualTo("1732267000.000100");
    }

    @Test
    void typeStringsAreUniqueAndVersioned() {
        List<String> types = ContractExamples.all().stream()
                .map(event -> event.getClass().getAnnotation(EventType.class).value())
                .toList();

        assertThat(types).doesNotHaveDuplicates().allMatch(type -> type.matches("[a-z-]+(\\.[a-z-]+)+\\.v\\d+"));
    }

    /** A payload as an earlier producer wrote it under {@code earlier/}, read with the current records. */
    private <T extends ContractEvent> T decodeEarlier(String file, Class<T> type) throws IOException {
        String earlier;
        try (InputStream in = getClass().getResourceAsStream("/earlier/" + file)) {
            earlier = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ContractEvent example = ContractExamples.all().stream().filter(type::isInstance).findFirst().orElseThrow();
        Message<byte[]> headers = codec.toMessage(example, "evt-1", ContractExamples.AT);
        Message<byte[]> message = org.springframework.messaging.support.MessageBuilder
                .withPayload(earlier.getBytes(StandardCharsets.UTF_8)).copyHeaders(headers.getHeaders()).build();

        return type.cast(codec.decode(message, familyOf(example)).orElseThrow().data());
    }

    private static Class<? extends ContractEvent> familyOf(ContractEvent event) {
        return FAMILIES.stream().filter(family -> family.isInstance(event)).findFirst().orElseThrow();
    }

    private static String frozenExample(String type) throws IOException {
        try (InputStream in = ContractRoundTripTest.class.getResourceAsStream("/examples/" + type + ".json")) {
            assertThat(in).as("frozen example for %s", type).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
