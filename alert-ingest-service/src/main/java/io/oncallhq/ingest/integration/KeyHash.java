package io.oncallhq.ingest.integration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of an integration key, in hex. Only hashes are stored, so a leaked database does not leak
 * working keys; the keys are long random strings, so an unsalted fast hash is enough to make them unguessable.
 */
public record KeyHash(String hex) {

    public KeyHash {
        if (hex == null || hex.length() != 64) {
            throw new IllegalArgumentException("a key hash is 64 hex characters");
        }
    }

    public static KeyHash of(String presentedKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(presentedKey.getBytes(StandardCharsets.UTF_8));
            return new KeyHash(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Constant-time comparison, so the time taken does not tell how much of a hash matched. */
    public boolean matches(KeyHash other) {
        return MessageDigest.isEqual(hex.getBytes(StandardCharsets.US_ASCII), other.hex.getBytes(StandardCharsets.US_ASCII));
    }

    /** Never the key itself; a short prefix of the hash is safe to log. */
    @Override
    public String toString() {
        return "KeyHash[" + hex.substring(0, 8) + "…]";
    }
}
