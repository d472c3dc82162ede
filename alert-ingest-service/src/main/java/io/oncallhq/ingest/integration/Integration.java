package io.oncallhq.ingest.integration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A way for one monitoring system to send alerts for one service. It accepts several keys, so a key can be
 * rotated without a gap: add the new one, move the sender over, revoke the old one.
 *
 * @param grouping how its alerts form incidents; {@link Grouping#GROUP} only for a type that sends groups
 * @param version  counts the stored changes; a change is stored only over the version it was made from
 */
public record Integration(String id, String serviceId, String name, IntegrationType type, Grouping grouping,
                          List<IntegrationKey> keys, Instant createdAt, long version) {

    /** @throws InvalidIntegrationException naming {@code grouping} when it is {@link Grouping#GROUP} for a type that sends no groups */
    public Integration {
        keys = List.copyOf(keys);
        if (!grouping.allowedFor(type)) {
            throw new InvalidIntegrationException(List.of(Grouping.notAllowedFor(type)));
        }
    }

    /** Compares with every stored hash, without stopping at the first match, so timing tells nothing. */
    public boolean accepts(KeyHash presented) {
        boolean accepted = false;
        for (IntegrationKey key : keys) {
            accepted |= key.hash().matches(presented);
        }
        return accepted;
    }

    /** Rotation: the new key works at once, and every older key keeps working until it is revoked. */
    public Integration withKey(IntegrationKey key) {
        List<IntegrationKey> more = new ArrayList<>(keys);
        more.add(key);
        return new Integration(id, serviceId, name, type, grouping, more, createdAt, version);
    }

    /**
     * @throws UnknownKeyIdException when no key has this id
     * @throws LastKeyException      when it is the only key left: delete the integration instead
     */
    public Integration withoutKey(String keyId) {
        List<IntegrationKey> fewer = keys.stream().filter(key -> !key.id().equals(keyId)).toList();
        if (fewer.size() == keys.size()) {
            throw new UnknownKeyIdException(id, keyId);
        }
        if (fewer.isEmpty()) {
            throw new LastKeyException(id, keyId);
        }
        return new Integration(id, serviceId, name, type, grouping, fewer, createdAt, version);
    }

    /** @throws InvalidIntegrationException naming {@code grouping} when the type sends no groups to group by */
    public Integration withGrouping(Grouping changed) {
        return new Integration(id, serviceId, name, type, changed, keys, createdAt, version);
    }

    /**
     * The {@code incidentGroup} of the alerts of one sender group: {@code <id>:<groupKey>} when this integration groups
     * by the sender's group; null, so each alert is an incident of its own, when it does not or the sender named no group.
     */
    public String incidentGroup(String groupKey) {
        return grouping == Grouping.GROUP && groupKey != null && !groupKey.isBlank() ? id + ":" + groupKey : null;
    }

    public List<KeyHash> keyHashes() {
        return keys.stream().map(IntegrationKey::hash).toList();
    }
}
