package io.oncallhq.ingest.intake;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DedupKeyTest {

    @Test
    void aVersionedKeyNamesTypeVersionAndValue() {
        assertThat(DedupKey.versioned("generic", "v1", "disk-full")).isEqualTo("generic:v1:disk-full");
    }

    @Test
    void movingTextBetweenPartsChangesTheHash() {
        assertThat(DedupKey.hashOf("ab", "c")).isNotEqualTo(DedupKey.hashOf("a", "bc"));
    }

    @Test
    void theHashIsStableSha256Hex() {
        assertThat(DedupKey.hashOf("Disk full", "db-1")).isEqualTo(DedupKey.hashOf("Disk full", "db-1")).matches("[0-9a-f]{64}");
    }
}
