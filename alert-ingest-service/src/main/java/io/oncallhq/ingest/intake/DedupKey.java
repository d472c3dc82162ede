package io.oncallhq.ingest.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An alert's identity within its service, versioned as {@code type:version:value} (for example
 * {@code generic:v1:disk-full}). The prefix keeps formats apart and lets a format change how it derives the
 * value (v2) without new keys ever colliding with keys derived the old way.
 */
public final class DedupKey {

    private DedupKey() {
    }

    public static String versioned(String type, String version, String value) {
        return type + ":" + version + ":" + value;
    }

    /**
     * SHA-256 hex over the parts, each prefixed with its length so that ("ab", "c") and ("a", "bc") differ.
     * A null part counts as empty.
     */
    public static String hashOf(String... parts) {
        StringBuilder text = new StringBuilder();
        for (String part : parts) {
            String value = part == null ? "" : part;
            text.append(value.length()).append(':').append(value);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
