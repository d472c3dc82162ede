package io.oncallhq.contracts.alert;

import io.oncallhq.contracts.ContractEvent;

/**
 * Events on the {@code alerts} topic, keyed by service id. An alert is identified within its service by its
 * versioned dedup key ({@code type:version:value}, for example {@code alertmanager:v1:<fingerprint>}).
 */
public sealed interface AlertEvent extends ContractEvent permits AlertTriggered, AlertAcknowledged, AlertResolved {

    String serviceId();

    String dedupKey();

    @Override
    default String partitionKey() {
        return serviceId();
    }

    @Override
    default String subject() {
        return dedupKey();
    }
}
