package io.oncallhq.ingest.pagerduty;

import io.oncallhq.contracts.alert.AlertLink;
import io.oncallhq.contracts.change.ChangeRecorded;
import io.oncallhq.ingest.Payloads;
import io.oncallhq.ingest.intake.FieldViolation;
import io.oncallhq.ingest.intake.InvalidAlertException;
import io.oncallhq.ingest.intake.RawPayload;
import io.oncallhq.ingest.integration.Integration;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.oncallhq.ingest.integration.IntegrationFixtures.genericIntegration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PagerDutyChangeFormatTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final Integration CHECKOUT = genericIntegration("checkout-api-pd", "checkout-api", "k");
    private final PagerDutyChangeFormat format = new PagerDutyChangeFormat();

    @Test
    void theDocumentedChangeEventBecomesChangeRecordedAtTheSendersTimestamp() {
        String body = Payloads.text("pagerduty-change.json");
        PagerDutyChangeEvent event = Payloads.parsedJson(body, PagerDutyChangeEvent.class);

        ChangeRecorded change = normalise(event, body);

        assertThat(format.routingKey(event, null)).isEqualTo("ROUTING_KEY");
        assertThat(change.serviceId()).isEqualTo("checkout-api");
        assertThat(change.integrationId()).isEqualTo("checkout-api-pd");
        assertThat(change.integrationType()).isEqualTo("pagerduty");
        assertThat(change.summary()).isEqualTo("Build Success: Increase snapshot create timeout to 30 seconds");
        assertThat(change.source()).isEqualTo("acme-build-pipeline-tool-default-i-9999");
        assertThat(change.details()).isEqualTo(Map.of("build_state", "passed", "build_number", "2", "run_time", "1236s"));
        assertThat(change.links()).containsExactly(new AlertLink("https://acme.pagerduty.dev/build/2", "View more details in Acme!"));
        assertThat(change.occurredAt()).isEqualTo(Instant.parse("2020-07-17T08:42:58.315Z"));
        assertThat(change.receivedAt()).isEqualTo(NOW);
        assertThat(change.rawPayload()).isEqualTo(body);
    }

    @Test
    void goPagerDutysNullsAndEmptyStringsAreAbsentAndTheChangeHappenedWhenItWasReceived() {
        String body = """
                {"routing_key":"k","payload":{"source":"","summary":"Deployed checkout-api v2.4.1","timestamp":"",
                 "custom_details":null},"links":null}""";

        ChangeRecorded change = normalise(Payloads.parsedJson(body, PagerDutyChangeEvent.class), body);

        assertThat(change.source()).isNull();
        assertThat(change.details()).isEmpty();
        assertThat(change.links()).isEmpty();
        assertThat(change.occurredAt()).isEqualTo(NOW);
    }

    @Test
    void aLinkWithEmptyTextKeepsItsHrefWithoutText() {
        PagerDutyChangeEvent event = change(new PagerDutyChangeEvent.Payload("Deployed v2", null, null, null),
                List.of(new PagerDutyEvent.Link("https://ci.example.com/build/7", "")));

        assertThat(normalise(event, "{}").links()).containsExactly(new AlertLink("https://ci.example.com/build/7", null));
    }

    @Test
    void customDetailsThatAreNoObjectAreKeptUnderTheirName() {
        PagerDutyChangeEvent event = change(new PagerDutyChangeEvent.Payload("Deployed v2", null, null, "by the nightly job"), null);

        assertThat(normalise(event, "{}").details()).isEqualTo(Map.of("custom_details", "by the nightly job"));
    }

    @Test
    void aTimestampWithAnOffsetOrWithoutOneIsAnInstant() {
        assertThat(occurredAt("2020-07-17T10:42:58.315+0200")).isEqualTo(Instant.parse("2020-07-17T08:42:58.315Z"));
        assertThat(occurredAt("2020-07-17T10:42:58+02:00")).isEqualTo(Instant.parse("2020-07-17T08:42:58Z"));
        assertThat(occurredAt("2020-07-17T08:42:58.315Z")).isEqualTo(Instant.parse("2020-07-17T08:42:58.315Z"));
        assertThat(occurredAt("2020-07-17T08:42:58.315")).as("no offset: UTC").isEqualTo(Instant.parse("2020-07-17T08:42:58.315Z"));
    }

    @Test
    void theBodysRoutingKeyComesBeforeTheHeadersAndTheHeaderServesWhenTheBodyHasNone() {
        PagerDutyChangeEvent withKey = Payloads.parsed("pagerduty-change.json", PagerDutyChangeEvent.class);
        PagerDutyChangeEvent withoutKey = new PagerDutyChangeEvent("", withKey.payload(), null);

        assertThat(format.routingKey(withKey, "HEADER_KEY")).isEqualTo("ROUTING_KEY");
        assertThat(format.routingKey(withoutKey, "HEADER_KEY")).isEqualTo("HEADER_KEY");
        assertThat(catchThrowableOfType(InvalidAlertException.class, () -> format.routingKey(withoutKey, null)).violations())
                .extracting(FieldViolation::field).containsExactly("routing_key");
    }

    @Test
    void everyFieldAtFaultIsListed() {
        PagerDutyChangeEvent event = new PagerDutyChangeEvent(null,
                new PagerDutyChangeEvent.Payload("s".repeat(1025), null, "last tuesday", null),
                List.of(new PagerDutyEvent.Link("https://ci.example.com/build/7", "Build"), new PagerDutyEvent.Link(null, "No href")));

        InvalidAlertException invalid = catchThrowableOfType(InvalidAlertException.class, () -> format.routingKey(event, null));

        assertThat(invalid.violations()).containsExactlyInAnyOrder(
                new FieldViolation("routing_key", "is missing or blank"),
                new FieldViolation("payload.summary", "must be at most 1024 characters"),
                new FieldViolation("payload.timestamp", "must be an ISO 8601 date-time"),
                new FieldViolation("links[1].href", "must be an absolute http or https URL"));
    }

    @Test
    void aSummaryIsRequiredAndMayHave1024Characters() {
        InvalidAlertException blank = catchThrowableOfType(InvalidAlertException.class,
                () -> format.routingKey(change(new PagerDutyChangeEvent.Payload(" ", null, null, null), null), null));
        InvalidAlertException noPayload = catchThrowableOfType(InvalidAlertException.class,
                () -> format.routingKey(change(null, null), null));

        assertThat(blank.violations()).extracting(FieldViolation::field).containsExactly("payload.summary");
        assertThat(noPayload.violations()).extracting(FieldViolation::field).containsExactly("payload");
        assertThat(format.routingKey(change(new PagerDutyChangeEvent.Payload("s".repeat(1024), null, null, null), null), null))
                .isEqualTo("k");
    }

    private Instant occurredAt(String timestamp) {
        return normalise(change(new PagerDutyChangeEvent.Payload("Deployed v2", null, timestamp, null), null), "{}").occurredAt();
    }

    private ChangeRecorded normalise(PagerDutyChangeEvent event, String body) {
        return format.normalise(event, CHECKOUT, RawPayload.of(body.getBytes(StandardCharsets.UTF_8), 16 * 1024), NOW).getFirst();
    }

    private static PagerDutyChangeEvent change(PagerDutyChangeEvent.Payload payload, List<PagerDutyEvent.Link> links) {
        return new PagerDutyChangeEvent("k", payload, links);
    }
}
