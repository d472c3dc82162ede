package io.oncallhq.system;

import io.oncallhq.localruntime.LocalSystem;

import java.util.Map;

/** The scenario on the embedded defaults: the in-process KRaft broker and MongoDB-wire server of {@code ./run.sh}. */
class EmbeddedSystemIT extends AlertToPostmortemScenario {

    @Override
    Map<String, String> infrastructure() {
        return Map.of();
    }

    @Override
    String bootstrapServers(LocalSystem system) {
        return system.kafkaBootstrapServers();
    }
}
