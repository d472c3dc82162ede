package io.oncallhq.contracts.postmortem;

import io.oncallhq.contracts.ContractEvent;

/** Events on the {@code postmortems} topic, keyed by post-mortem id. */
public sealed interface PostmortemEvent extends ContractEvent permits ActionItemOverdue {

    String postmortemId();

    @Override
    default String partitionKey() {
        return postmortemId();
    }

    @Override
    default String subject() {
        return postmortemId();
    }
}
