package io.oncallhq.ingest.grafana;

import io.oncallhq.contracts.alert.AlertLink;
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

import static io.oncallhq.ingest.integration.IntegrationFixtures.genericIntegration;
import static io.oncallhq.ingest.integration.IntegrationFixtures.integration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class GrafanaFormatTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final Integration CHECKOUT = genericIntegration("checkout-api-grafana", "checkout-api", "k");
    private static final Integration ONE_INCIDENT_PER_GROUP =
            integration("checkout-api-grafana", "checkout-api", IntegrationType.GRAFANA, Grouping.GROUP, "k");
    private static final Integration ONE_INCIDENT_PER_ALERT =
            integration("checkout-api-grafana", "checkout-api", IntegrationType.GRAFANA, Grouping.ALERT, "k");
    private final GrafanaFormat format = new GrafanaFormat();

    @Test
    void theDocumentedPayloadBecomesOneAlertPerGrafanaAlertWithItsLinks() {
        List<NormalisedAlert> alerts = format.normalise(Payloads.parsed("grafana-firing.json", GrafanaRequest.class), CHECKOUT, RawPayload.of("{}".getBytes(StandardCharsets.UTF_8), 1024), NOW);

        assertThat(alerts).extracting(alert -> alert.event().dedupKey())
                .containsExactly("grafana:v1:c6eadffa33fcdf37", "grafana:v1:bc97ff14869b13e3");
        assertThat(alerts.getFirst().event()).isInstanceOfSatisfying(AlertTriggered.class, alert -> {
            assertThat(alert.integrationType()).isEqualTo("grafana");
            assertThat(alert.summary()).isEqualTo("This alert was triggered for zone us-1");
            assertThat(alert.startedAt()).isEqualTo(Instant.parse("2021-10-12T07:51:03.157076Z"));
            assertThat(alert.links()).extracting(AlertLink::text).as("empty dashboard and panel URLs are no links")
                    .containsExactly("Source", "Silence");
            assertThat(alert.details()).containsKey("values").containsEntry("orgId", 1L);
        });
        assertThat(alerts.get(1).event()).isInstanceOfSatisfying(AlertTriggered.class, alert ->
                assertThat(alert.links()).extracting(AlertLink::href).contains(
                        "https://play.grafana.org/d/000000012", "https://play.grafana.org/d/000000012?viewPanel=2"));
    }

    @Test
    void theAlertsOfOneGroupShareOneIncidentGroupOnAnIntegrationThatGroupsByGroupAndNoneOtherwise() {
        GrafanaRequest group = Payloads.parsed("grafana-firing.json", GrafanaRequest.class);
        RawPayload raw = RawPayload.of("{}".getBytes(StandardCharsets.UTF_8), 1024);

        assertThat(format.normalise(group, ONE_INCIDENT_PER_GROUP, raw, NOW)).hasSize(2)
                .extracting(alert -> ((AlertTriggered) alert.event()).incidentGroup())
                .containsOnly("checkout-api-grafana:{}:{}");
        assertThat(format.normalise(group, ONE_INCIDENT_PER_ALERT, raw, NOW)).hasSize(2)
                .extracting(alert -> ((AlertTriggered) alert.event()).incidentGroup()).containsOnlyNulls();
    }

    @Test
    void aBadDashboardUrlIsNamedWithItsAlert() {
        String body = Payloads.text("grafana-firing.json").replace("\"https://play.grafana.org/d/000000012\"", "\"javascript:alert(1)\"");

        InvalidAlertException invalid = catchThrowableOfType(InvalidAlertException.class,
                () -> format.normalise(Payloads.parsedJson(body, GrafanaRequest.class), CHECKOUT, RawPayload.of("{}".getBytes(StandardCharsets.UTF_8), 1024), NOW));

        assertThat(invalid.violations()).extracting(FieldViolation::field).containsExactly("alerts[1].dashboardURL");
    }
}
