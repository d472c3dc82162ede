package io.oncallhq.contracts.page;

import io.oncallhq.contracts.ContractEvent;

/** Events on the {@code pages} topic, keyed by incident id. */
public sealed interface PageEvent extends ContractEvent permits PageRequested, PageUnroutable {

    String incidentId();

    @Override
    default String partitionKey() {
        return incidentId();
    }

    @Override
    default String subject() {
        return incidentId();
    }
}
