package io.oncallhq.ingest.intake;

import io.oncallhq.contracts.alert.AlertEvent;
import io.oncallhq.ingest.publishing.IngestTopic;

/**
 * One monitoring payload format: its parsed body becomes alert events on {@code alerts}, each with the reasons for
 * what was derived (shown by explain).
 */
public interface AlertFormat<P> extends SenderFormat<P, NormalisedAlert> {

    @Override
    default IngestTopic topic() {
        return IngestTopic.ALERTS;
    }

    @Override
    default AlertEvent event(NormalisedAlert alert) {
        return alert.event();
    }
}
