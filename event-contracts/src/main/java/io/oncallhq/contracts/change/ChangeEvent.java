package io.oncallhq.contracts.change;

import io.oncallhq.contracts.ContractEvent;

/**
 * Events on the {@code changes} topic, keyed by service id: something changed in a service without being a problem
 * (a deploy, a merged pull request, a configuration applied), kept so that the people handling an incident, and its
 * post-mortem, can see what changed before it.
 */
public sealed interface ChangeEvent extends ContractEvent permits ChangeRecorded {

    String serviceId();

    @Override
    default String partitionKey() {
        return serviceId();
    }

    @Override
    default String subject() {
        return serviceId();
    }
}
