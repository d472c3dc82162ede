package io.oncallhq.ingest.grafana;

import io.oncallhq.ingest.alertmanager.AlertGroup;
import io.oncallhq.ingest.alertmanager.LabelledAlerts;
import io.oncallhq.ingest.intake.AlertFormat;
import io.oncallhq.ingest.intake.NormalisedAlert;
import io.oncallhq.ingest.intake.RawPayload;
import io.oncallhq.ingest.integration.Integration;
import io.oncallhq.ingest.integration.IntegrationType;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * Grafana's webhook contact point: the Alertmanager mapping (Grafana's alerts are Alertmanager alerts), with
 * dedup key {@code grafana:v1:<fingerprint>} and the dashboard, panel, silence and image URLs as links.
 */
@Component
public class GrafanaFormat implements AlertFormat<GrafanaRequest> {

    private final LabelledAlerts alerts = new LabelledAlerts(IntegrationType.GRAFANA);

    @Override
    public IntegrationType type() {
        return IntegrationType.GRAFANA;
    }

    @Override
    public Class<GrafanaRequest> payloadType() {
        return GrafanaRequest.class;
    }

    @Override
    public List<NormalisedAlert> normalise(GrafanaRequest payload, Integration integration, RawPayload rawPayload, Instant receivedAt) {
        AlertGroup group = new AlertGroup(payload.groupKey(), payload.receiver(), payload.externalURL(), payload.truncatedAlerts(),
                payload.groupLabels(), payload.orgId());
        return alerts.normalise(group, payload.alerts(), List.of(), integration, rawPayload, receivedAt);
    }
}
