package io.oncallhq.ingest.integration;

import java.util.List;

/**
 * A way for one monitoring system to send alerts for one service. It accepts several keys, so a key can be
 * rotated without a gap: add the new one, move the sender over, remove the old one.
 */
public record Integration(String id, String serviceId, String name, IntegrationType type, List<KeyHash> keyHashes) {

    public Integration {
        keyHashes = List.copyOf(keyHashes);
    }

    /** Compares with every stored hash, without stopping at the first match, so timing tells nothing. */
    public boolean accepts(KeyHash presented) {
        boolean accepted = false;
        for (KeyHash stored : keyHashes) {
            accepted |= stored.matches(presented);
        }
        return accepted;
    }
}
