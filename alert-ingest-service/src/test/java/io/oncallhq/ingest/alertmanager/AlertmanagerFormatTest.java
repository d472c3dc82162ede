package io.oncallhq.ingest.alertmanager;

import io.oncallhq.contracts.Severity;
import io.oncallhq.contracts.alert.AlertLink;
import io.oncallhq.contracts.alert.AlertResolved;
import io.oncallhq.contracts.alert.AlertTriggered;
import io.oncallhq.ingest.Payloads;
import io.oncallhq.ingest.intake.FieldViolation;
import io.oncallhq.ingest.intake.InvalidAlertException;
import io.oncallhq.ingest.intake.NormalisedAlert;
import io.oncallhq.ingest.intake.RawPayload;
import io.oncallhq.ingest.integration.Grouping;
import io.oncallhq.ingest.integration.Integration;
import io.oncallhq.ingest.integration.IntegrationType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.oncallhq.ingest.integration.IntegrationFixtures.genericIntegration;
import static io.oncallhq.ingest.integration.IntegrationFixtures.integration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AlertmanagerFormatTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final Integration CHECKOUT = genericIntegration("checkout-api-prometheus", "checkout-api", "k");
    private static final Integration ONE_INCIDENT_PER_GROUP =
            integration("checkout-api-prometheus", "checkout-api", IntegrationType.ALERTMANAGER, Grouping.GROUP, "k");
    private static final Integration ONE_INCIDENT_PER_ALERT =
            integration("checkout-api-prometheus", "checkout-api", IntegrationType.ALERTMANAGER, Grouping.ALERT, "k");
    private final AlertmanagerFormat format = new AlertmanagerFormat();

    @Test
    void eachAlertOfTheDocumentedFiringPayloadBecomesItsOwnTriggeredAlert() {
        List<NormalisedAlert> alerts = normalise(Payloads.parsed("alertmanager-firing.json", AlertmanagerRequest.class));

        assertThat(alerts).hasSize(2);
        assertThat(alerts.getFirst().event()).isInstanceOfSatisfying(AlertTriggered.class, alert -> {
            assertThat(alert.dedupKey()).isEqualTo("alertmanager:v1:7e3f8d2c9a1b4f60");
            assertThat(alert.integrationType()).isEqualTo("alertmanager");
            assertThat(alert.groupKey()).isEqualTo("{}:{alertname=\"HighRequestLatency\"}");
            assertThat(alert.summary()).isEqualTo("High request latency on checkout-api-7f9c:8080");
            assertThat(alert.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(alert.source()).isEqualTo("checkout-api-7f9c:8080");
            assertThat(alert.labels()).containsEntry("job", "checkout-api").hasSize(4);
            assertThat(alert.annotations()).containsKey("runbook_url");
            assertThat(alert.links()).extracting(AlertLink::text).containsExactly("Source");
            assertThat(alert.startedAt()).isEqualTo(Instant.parse("2026-11-22T09:15:00.123456789Z"));
            assertThat(alert.details()).containsEntry("receiver", "oncallhq");
        });
        assertThat(alerts.get(1).event()).isInstanceOfSatisfying(AlertTriggered.class, alert -> {
            assertThat(alert.dedupKey()).isEqualTo("alertmanager:v1:0c5d1e9b7a3f2846");
            assertThat(alert.summary()).as("no summary annotation: the description").isEqualTo("p99 latency is 2.10s (threshold 2s)");
            assertThat(alert.severity()).isEqualTo(Severity.WARNING);
        });
        assertThat(alerts.get(1).severityRule()).contains("no severity label");
        assertThat(alerts.get(1).senderDedupKey()).isEqualTo("0c5d1e9b7a3f2846");
    }

    @Test
    void theAlertsOfOneGroupShareOneIncidentGroupOnAnIntegrationThatGroupsByGroup() {
        List<NormalisedAlert> alerts = format.normalise(Payloads.parsed("alertmanager-firing.json", AlertmanagerRequest.class),
                ONE_INCIDENT_PER_GROUP, RawPayload.of("{}".getBytes(StandardCharsets.UTF_8), 1024), NOW);

        assertThat(alerts).hasSize(2).extracting(alert -> ((AlertTriggered) alert.event()).incidentGroup())
                .containsOnly("checkout-api-prometheus:{}:{alertname=\"HighRequestLatency\"}");
    }

    @Test
    void theAlertsOfOneGroupCarryNoIncidentGroupOnAnIntegrationOfOneIncidentPerAlert() {
        List<NormalisedAlert> alerts = format.normalise(Payloads.parsed("alertmanager-firing.json", AlertmanagerRequest.class),
                ONE_INCIDENT_PER_ALERT, RawPayload.of("{}".getBytes(StandardCharsets.UTF_8), 1024), NOW);

        assertThat(alerts).hasSize(2).extracting(alert -> ((AlertTriggered) alert.event()).incidentGroup()).containsOnlyNulls();
    }

    @Test
    void withoutAGroupKeyEachAlertIsAnIncidentOfItsOwn() {
        AlertmanagerRequest noGroupKey = new AlertmanagerRequest("4", null, 0L, "firing", "oncallhq", Map.of(), Map.of(), Map.of(), null,
                List.of(alert("firing", Map.of("alertname", "DiskFull"), "ab12")));

        List<NormalisedAlert> alerts = format.normalise(noGroupKey, ONE_INCIDENT_PER_GROUP,
                RawPayload.of("{}".getBytes(StandardCharsets.UTF_8), 1024), NOW);

        assertThat(((AlertTriggered) alerts.getFirst().event()).incidentGroup()).isNull();
    }

    @Test
    void aResolvedAlertOfAGroupResolvesThatAlertOnlyAtItsEnd() {
        List<NormalisedAlert> alerts = normalise(Payloads.parsed("alertmanager-resolved.json", AlertmanagerRequest.class));

        assertThat(alerts.getFirst().event()).isInstanceOfSatisfying(AlertResolved.class, resolved -> {
            assertThat(resolved.dedupKey()).isEqualTo("alertmanager:v1:7e3f8d2c9a1b4f60");
            assertThat(resolved.resolvedAt()).isEqualTo(Instant.parse("2026-11-22T09:40:00Z"));
        });
        assertThat(alerts.get(1).event()).isInstanceOf(AlertTriggered.class);
    }

    @Test
    void withoutAFingerprintTheSortedLabelsIdentifyTheAlert() {
        NormalisedAlert first = normalise(batch(alert("firing", Map.of("alertname", "DiskFull", "instance", "db-1"), null))).getFirst();
        NormalisedAlert reordered = normalise(batch(alert("resolved", new java.util.LinkedHashMap<>(Map.of("instance", "db-1", "alertname", "DiskFull")), null))).getFirst();
        NormalisedAlert other = normalise(batch(alert("firing", Map.of("alertname", "DiskFull", "instance", "db-2"), null))).getFirst();

        assertThat(first.event().dedupKey()).startsWith("alertmanager:v1:").isEqualTo(reordered.event().dedupKey())
                .isNotEqualTo(other.event().dedupKey());
        assertThat(first.dedupKeyRule()).contains("no fingerprint");
    }

    @Test
    void theSummaryFallsBackToTheAlertName() {
        NormalisedAlert alert = normalise(batch(alert("firing", Map.of("alertname", "DiskFull"), "ab12"))).getFirst();

        assertThat(((AlertTriggered) alert.event()).summary()).isEqualTo("DiskFull");
    }

    @Test
    void oneInvalidAlertRejectsTheBatchNamingItsIndex() {
        AlertmanagerRequest request = batch(alert("firing", Map.of("alertname", "Fine"), "aa"),
                new AlertmanagerRequest.Alert("exploded", Map.of(), null, "yesterday", null, "ftp://nope", "bb"));

        InvalidAlertException invalid = catchThrowableOfType(InvalidAlertException.class, () -> normalise(request));

        assertThat(invalid.violations()).extracting(FieldViolation::field)
                .containsExactlyInAnyOrder("alerts[1].status", "alerts[1].labels", "alerts[1].startsAt", "alerts[1].generatorURL");
    }

    @Test
    void anotherPayloadVersionOrNoAlertsIsRefused() {
        AlertmanagerRequest request = new AlertmanagerRequest("5", "g", 0L, "firing", "r", null, null, null, null, List.of());

        InvalidAlertException invalid = catchThrowableOfType(InvalidAlertException.class, () -> normalise(request));

        assertThat(invalid.violations()).extracting(FieldViolation::field).containsExactlyInAnyOrder("version", "alerts");
    }

    private List<NormalisedAlert> normalise(AlertmanagerRequest request) {
        return format.normalise(request, CHECKOUT, RawPayload.of("{}".getBytes(StandardCharsets.UTF_8), 1024), NOW);
    }

    private static AlertmanagerRequest batch(AlertmanagerRequest.Alert... alerts) {
        return new AlertmanagerRequest("4", "{}:{}", 0L, "firing", "oncallhq", Map.of(), Map.of(), Map.of(), null, List.of(alerts));
    }

    private static AlertmanagerRequest.Alert alert(String status, Map<String, String> labels, String fingerprint) {
        return new AlertmanagerRequest.Alert(status, labels, Map.of(), "2026-11-22T09:00:00Z", "0001-01-01T00:00:00Z", null, fingerprint);
    }
}
