package io.oncallhq.ingest.generic;

import io.oncallhq.contracts.Severity;
import io.oncallhq.contracts.alert.AlertResolved;
import io.oncallhq.contracts.alert.AlertTriggered;
import io.oncallhq.ingest.intake.DedupKey;
import io.oncallhq.ingest.intake.FieldViolation;
import io.oncallhq.ingest.intake.InvalidAlertException;
import io.oncallhq.ingest.intake.NormalisedAlert;
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

class GenericAlertFormatTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private final GenericAlertFormat format = new GenericAlertFormat();

    @Test
    void aTriggerBecomesAlertTriggeredWithTheVersionedClientKey() {
        NormalisedAlert alert = normalise(new GenericAlertRequest("Latency high", "Warning", "latency", null, "web-1",
                Map.of("region", "eu"), Map.of("p99", 2300), List.of(new GenericAlertRequest.Link("https://grafana.example.com/d/1", "Graph")),
                "2026-11-22T09:00:00+01:00"));

        assertThat(alert.senderDedupKey()).isEqualTo("latency");
        assertThat(alert.event()).isInstanceOfSatisfying(AlertTriggered.class, triggered -> {
            assertThat(triggered.dedupKey()).isEqualTo("generic:v1:latency");
            assertThat(triggered.serviceId()).isEqualTo("checkout-api");
            assertThat(triggered.integrationType()).isEqualTo("generic");
            assertThat(triggered.severity()).isEqualTo(Severity.WARNING);
            assertThat(triggered.startedAt()).isEqualTo(Instant.parse("2026-11-22T08:00:00Z"));
            assertThat(triggered.receivedAt()).isEqualTo(NOW);
            assertThat(triggered.links()).singleElement().satisfies(link -> assertThat(link.text()).isEqualTo("Graph"));
        });
    }

    @Test
    void aResolveNeedsNoSeverityAndBecomesAlertResolved() {
        NormalisedAlert alert = normalise(alert("Latency high", null, "latency", "RESOLVE"));

        assertThat(alert.event()).isInstanceOfSatisfying(AlertResolved.class,
                resolved -> assertThat(resolved.dedupKey()).isEqualTo("generic:v1:latency"));
    }

    @Test
    void withoutAKeyTheSameProblemFromTheSameSourceGetsTheSameKey() {
        NormalisedAlert first = normalise(new GenericAlertRequest("Disk full", "error", null, null, "db-1", null, Map.of("free", 1), null, null));
        NormalisedAlert repeat = normalise(new GenericAlertRequest("Disk full", "error", null, null, "db-1", null, Map.of("free", 0), null, null));
        NormalisedAlert elsewhere = normalise(new GenericAlertRequest("Disk full", "error", null, null, "db-2", null, null, null, null));

        assertThat(first.senderDedupKey()).isEqualTo(DedupKey.hashOf("Disk full", "db-1")).matches("[0-9a-f]{64}");
        assertThat(first.event().dedupKey()).isEqualTo("generic:v1:" + first.senderDedupKey());
        assertThat(repeat.event().dedupKey()).isEqualTo(first.event().dedupKey());
        assertThat(elsewhere.event().dedupKey()).isNotEqualTo(first.event().dedupKey());
    }

    @Test
    void everyFieldAtFaultIsListed() {
        InvalidAlertException invalid = catchThrowableOfType(InvalidAlertException.class, () -> normalise(
                new GenericAlertRequest(" ", "fatal", "k".repeat(256), "snooze", null, null, null,
                        List.of(new GenericAlertRequest.Link("ftp://x", null)), "yesterday")));

        assertThat(invalid.violations()).extracting(FieldViolation::field)
                .containsExactlyInAnyOrder("summary", "severity", "dedupKey", "action", "links[0].href", "startedAt");
    }

    @Test
    void aTriggerWithoutSeverityIsInvalid() {
        InvalidAlertException invalid = catchThrowableOfType(InvalidAlertException.class,
                () -> normalise(alert("Latency high", null, null, null)));

        assertThat(invalid.violations()).extracting(FieldViolation::field).containsExactly("severity");
    }

    @Test
    void aSummaryOverTheLimitIsInvalidButOneAtTheLimitIsAccepted() {
        assertThat(normalise(alert("s".repeat(GenericAlertFormat.MAX_SUMMARY_LENGTH), "info", null, null)).event()).isNotNull();

        InvalidAlertException invalid = catchThrowableOfType(InvalidAlertException.class,
                () -> normalise(alert("s".repeat(GenericAlertFormat.MAX_SUMMARY_LENGTH + 1), "info", null, null)));
        assertThat(invalid.violations()).extracting(FieldViolation::field).containsExactly("summary");
    }

    private NormalisedAlert normalise(GenericAlertRequest request) {
        return format.normalise(request, checkoutIntegration(), RawPayload.of("{}".getBytes(StandardCharsets.UTF_8), 1024), NOW).getFirst();
    }

    private static GenericAlertRequest alert(String summary, String severity, String dedupKey, String action) {
        return new GenericAlertRequest(summary, severity, dedupKey, action, null, null, null, null, null);
    }

    private static Integration checkoutIntegration() {
        return genericIntegration("checkout-api-generic", "checkout-api", "k");
    }
}
