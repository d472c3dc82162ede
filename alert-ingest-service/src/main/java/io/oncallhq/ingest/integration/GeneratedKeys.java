package io.oncallhq.ingest.integration;

import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

/**
 * New integration keys: 32 characters of {@code [a-z0-9]} from {@link SecureRandom} (about 165 bits), safe in a URL
 * path and shaped like a PagerDuty integration key (32 characters), so tools that check a routing_key's length
 * take it. The key id is random too, so it tells nothing about the secret.
 */
@Component
public class GeneratedKeys {

    private static final int SECRET_LENGTH = 32;
    private static final String SECRET_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final int ID_BYTES = 9;
    private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random = new SecureRandom();

    /** @param secret the key itself: shown once to whoever created it, never stored */
    public record NewKey(String secret, IntegrationKey key) {

        @Override
        public String toString() {
            return "NewKey[" + key.id() + "]";
        }
    }

    public NewKey generate(Instant now) {
        StringBuilder secretChars = new StringBuilder(SECRET_LENGTH);
        for (int i = 0; i < SECRET_LENGTH; i++) {
            secretChars.append(SECRET_ALPHABET.charAt(random.nextInt(SECRET_ALPHABET.length()))); // nextInt(bound) is unbiased
        }
        String secret = secretChars.toString();
        return new NewKey(secret, new IntegrationKey("key_" + URL_SAFE.encodeToString(bytes(ID_BYTES)), KeyHash.of(secret), now));
    }

    /** An integration's id: random, so ids cannot be enumerated and do not collide across replicas. */
    public String integrationId() {
        return "int_" + URL_SAFE.encodeToString(bytes(ID_BYTES));
    }

    private byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }
}
