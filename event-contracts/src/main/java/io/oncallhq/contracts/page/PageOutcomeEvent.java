package io.oncallhq.contracts.page;

import io.oncallhq.contracts.ContractEvent;

/** Events on the {@code page-outcomes} topic, keyed by incident id. */
public sealed interface PageOutcomeEvent extends ContractEvent permits PageDelivered, PageFailed {

    String pageId();

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
