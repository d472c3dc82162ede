package io.oncallhq.ingest.pagerduty;

import io.oncallhq.contracts.Severity;
import io.oncallhq.contracts.alert.AlertAcknowledged;
import io.oncallhq.contracts.alert.AlertLink;
import io.oncallhq.contracts.alert.AlertResolved;
import io.oncallhq.contracts.alert.AlertTriggered;
import io.oncallhq.ingest.Payloads;
import io.oncallhq.ingest.intake.FieldViolation;
import io.oncallhq.ingest.intake.InvalidAlertException;
import io.oncallhq.ingest.intake.NormalisedAlert;
import io.oncallhq.ingest.intake.RawPayload;
import io.oncallhq.ingest.integration.Integration;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static io.oncallhq.ingest.integration.IntegrationFixtures.genericIntegration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PagerDutyFormatTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final Integration CHECKOUT = genericIntegration("checkout-api-pd", "checkout-api", "k");
    private final PagerDutyFormat format = new PagerDutyFormat();

    @Test
    void theDocumentedTriggerBecomesAlertTriggered() {
        PagerDutyEvent event = Payloads.parsed("pagerduty-trigger.json", PagerDutyEvent.class);

        NormalisedAlert alert = normalise(event);

        assertThat(format.routingKey(event, null)).isEqualTo("ROUTING_KEY");
        assertThat(alert.senderDedupKey()).isEqualTo("srv01/mysql");
        assertThat(alert.event()).isInstanceOfSatisfying(AlertTriggered.class, triggered -> {
            assertThat(triggered.dedupKey()).isEqualTo("pagerduty:v1:srv01/mysql");
            assertThat(triggered.integrationType()).isEqualTo("pagerduty");
            assertThat(triggered.summary()).isEqualTo("DISK at 99% on machine prod-datapipe03.example.com");
            assertThat(triggered.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(triggered.source()).isEqualTo("prod-datapipe03.example.com");
            assertThat(triggered.startedAt()).isEqualTo(Instant.parse("2015-07-17T08:42:58.315Z"));
            assertThat(triggered.labels()).containsEntry("component", "mysql").containsEntry("group", "prod-datapipe")
                    .containsEntry("class", "disk");
            assertThat(triggered.details()).containsEntry("free space", "1%").containsKey("images");
            assertThat(triggered.links()).extracting(AlertLink::href)
                    .containsExactly("https://monitoring.service.com", "http://pagerduty.example.com", "https://google.com");
        });
    }

    @Test
    void aTriggerWithoutDedupKeyGetsAGeneratedOne() {
        NormalisedAlert first = normalise(trigger(null));
        NormalisedAlert second = normalise(trigger(null));

        assertThat(first.senderDedupKey()).matches("[0-9a-f]{32}").isNotEqualTo(second.senderDedupKey());
        assertThat(first.event().dedupKey()).isEqualTo("pagerduty:v1:" + first.senderDedupKey());
    }

    @Test
    void acknowledgeAndResolveAddressTheAlertByItsDedupKey() {
        NormalisedAlert acknowledged = normalise(new PagerDutyEvent("k", "acknowledge", "srv01/mysql", null, null, null, null, null));
        NormalisedAlert resolved = normalise(new PagerDutyEvent("k", "resolve", "srv01/mysql", null, null, null, null, null));

        assertThat(acknowledged.event()).isInstanceOfSatisfying(AlertAcknowledged.class,
                event -> assertThat(event.dedupKey()).isEqualTo("pagerduty:v1:srv01/mysql"));
        assertThat(resolved.event()).isInstanceOfSatisfying(AlertResolved.class,
                event -> assertThat(event.dedupKey()).isEqualTo("pagerduty:v1:srv01/mysql"));
    }

    @Test
    void theBodysRoutingKeyComesBeforeTheHeadersAndTheHeaderServesWhenTheBodyHasNone() {
        PagerDutyEvent withKey = Payloads.parsed("pagerduty-trigger.json", PagerDutyEvent.class);
        PagerDutyEvent withoutKey = new PagerDutyEvent(null, "resolve", "srv01/mysql", null, null, null, null, null);

        assertThat(format.routingKey(withKey, "HEADER_KEY")).isEqualTo("ROUTING_KEY");
        assertThat(format.routingKey(withoutKey, "HEADER_KEY")).isEqualTo("HEADER_KEY");
        assertThat(catchThrowableOfType(InvalidAlertException.class, () -> format.routingKey(withoutKey, " ")).violations())
                .extracting(FieldViolation::field).containsExactly("routing_key");
    }

    @Test
    void everyFieldAtFaultIsListed() {
        PagerDutyEvent event = new PagerDutyEvent(null, "trigger", "d".repeat(256),
                new PagerDutyEvent.Payload("s".repeat(1025), null, "CRITICAL", "last tuesday", null, null, null, null),
                null, null, List.of(new PagerDutyEvent.Link("not a url", null)), null);

        InvalidAlertException invalid = catchThrowableOfType(InvalidAlertException.class, () -> format.routingKey(event, null));

        assertThat(invalid.violations()).extracting(FieldViolation::field).containsExactlyInAnyOrder("routing_key", "dedup_key",
                "payload.summary", "payload.source", "payload.severity", "payload.timestamp", "links[0].href");
    }

    @Test
    void anImageNotServedOverHttpsIsRefusedAsPagerDutyRefusesIt() {
        PagerDutyEvent event = new PagerDutyEvent("key", "trigger", null,
                new PagerDutyEvent.Payload("Disk full", "db-1", "error", null, null, null, null, null),
                null, null, null, List.of(new PagerDutyEvent.Image("http://example.com/graph.png", null, null)));

        InvalidAlertException invalid = catchThrowableOfType(InvalidAlertException.class, () -> format.routingKey(event, null));

        assertThat(invalid.violations()).extracting(FieldViolation::field).containsExactly("images[0].src");
    }

    @Test
    void resolvingNeedsADedupKeyAndTheActionMustBeKnown() {
        InvalidAlertException noKey = catchThrowableOfType(InvalidAlertException.class,
                () -> normalise(new PagerDutyEvent("k", "resolve", null, null, null, null, null, null)));
        InvalidAlertException unknownAction = catchThrowableOfType(InvalidAlertException.class,
                () -> normalise(new PagerDutyEvent("k", "snooze", "x", null, null, null, null, null)));

        assertThat(noKey.violations()).extracting(FieldViolation::field).containsExactly("dedup_key");
        assertThat(unknownAction.violations()).extracting(FieldViolation::field).containsExactly("event_action");
    }

    private NormalisedAlert normalise(PagerDutyEvent event) {
        return format.normalise(event, CHECKOUT, RawPayload.of("{}".getBytes(StandardCharsets.UTF_8), 1024), NOW).getFirst();
    }

    private static PagerDutyEvent trigger(String dedupKey) {
        return new PagerDutyEvent("k", "trigger", dedupKey,
                new PagerDutyEvent.Payload("Disk full", "db-1", "error", null, null, null, null, null), null, null, null, null);
    }
}
