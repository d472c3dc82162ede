package io.oncallhq.ingest.integration;

import java.time.Instant;

/**
 * One accepted key of an integration, named by an id so it can be listed and revoked without its secret.
 *
 * @param id   not secret: shown in listings and used to revoke the key
 * @param hash the only trace of the secret that is kept
 */
public record IntegrationKey(String id, KeyHash hash, Instant createdAt) {
}
