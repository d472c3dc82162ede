package io.oncallhq.ingest.integration;

import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

class IntegrationTest {

    @Test
    void theHashIsTheSha256OfTheKeyAndNeverShowsTheKey() {
        KeyHash hash = KeyHash.of("abc");

        assertThat(hash.hex()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(hash.toString()).doesNotContain("abc").doesNotContain(hash.hex());
    }

    @Test
    void duringRotationBothKeysAreAccepted() {
        Integration rotating = integrationWithKeys("old-key", "new-key");

        assertThat(rotating.accepts(KeyHash.of("old-key"))).isTrue();
        assertThat(rotating.accepts(KeyHash.of("new-key"))).isTrue();
        assertThat(rotating.accepts(KeyHash.of("other-key"))).isFalse();
    }

    static Integration integrationWithKeys(String... keys) {
        return IntegrationFixtures.genericIntegration("checkout-api-generic", "checkout-api", keys);
    }
}
