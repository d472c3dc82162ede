package io.oncallhq.ingest.alertmanager;

import io.oncallhq.ingest.intake.AlertFormat;
import io.oncallhq.ingest.intake.FieldViolation;
import io.oncallhq.ingest.intake.NormalisedAlert;
import io.oncallhq.ingest.intake.RawPayload;
import io.oncallhq.ingest.integration.Integration;
import io.oncallhq.ingest.integration.IntegrationType;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Alertmanager webhook version 4: one event per alert, dedup key {@code alertmanager:v1:<fingerprint>}. */
@Component
public class AlertmanagerFormat implements AlertFormat<AlertmanagerRequest> {

    /** The payload version this mapping was written for; another version may change the fields' meaning. */
    static final String PAYLOAD_VERSION = "4";

    private final LabelledAlerts alerts = new LabelledAlerts(IntegrationType.ALERTMANAGER);

    @Override
    public IntegrationType type() {
        return IntegrationType.ALERTMANAGER;
    }

    @Override
    public Class<AlertmanagerRequest> payloadType() {
        return AlertmanagerRequest.class;
    }

    @Override
    public List<NormalisedAlert> normalise(AlertmanagerRequest payload, Integration integration, RawPayload rawPayload, Instant receivedAt) {
        List<FieldViolation> violations = new ArrayList<>();
        if (!PAYLOAD_VERSION.equals(payload.version())) {
            violations.add(new FieldViolation("version", "must be \"4\", the Alertmanager webhook payload version understood here"));
        }
        AlertGroup group = new AlertGroup(payload.groupKey(), payload.receiver(), payload.externalURL(), payload.truncatedAlerts(),
                payload.groupLabels(), null);
        return alerts.normalise(group, payload.alerts(), violations, integration, rawPayload, receivedAt);
    }
}
