package io.oncallhq.ingest.integration;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

/** Integrations as the tests need them: for a service, of a type and grouping, accepting the given keys. */
public final class IntegrationFixtures {

    public static final Instant CREATED_AT = Instant.parse("2026-11-22T09:00:00Z");

    private IntegrationFixtures() {
    }

    public static Integration genericIntegration(String id, String serviceId, String... keys) {
        return integration(id, serviceId, IntegrationType.GENERIC, Grouping.ALERT, keys);
    }

    public static Integration integration(String id, String serviceId, IntegrationType type, Grouping grouping, String... keys) {
        List<IntegrationKey> accepted = IntStream.range(0, keys.length)
                .mapToObj(i -> new IntegrationKey("key_" + i, KeyHash.of(keys[i]), CREATED_AT))
                .toList();
        return new Integration(id, serviceId, id, type, grouping, accepted, CREATED_AT, 0);
    }
}
