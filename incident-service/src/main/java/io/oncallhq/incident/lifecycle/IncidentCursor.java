package io.oncallhq.incident.lifecycle;

import io.oncallhq.incident.config.InvalidRequestException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Where a page of {@code GET /incidents} ended: the last incident's {@code (triggeredAt, id)}, with a fingerprint of
 * the filter it was issued for. Opaque to clients (URL-safe Base64); anything that does not decode to one, or was
 * issued for another filter, is a 400.
 */
record IncidentCursor(Instant triggeredAt, String id) {

    private static final String VERSION = "c1";

    String encode(IncidentFilter filter) {
        String plain = VERSION + "\n" + fingerprint(filter) + "\n" + triggeredAt + "\n" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static IncidentCursor decode(String cursor, IncidentFilter filter) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", -1);
            if (parts.length != 4 || !parts[0].equals(VERSION) || !parts[1].equals(fingerprint(filter))
                    || parts[3].isEmpty()) {
                throw foreign();
            }
            return new IncidentCursor(Instant.parse(parts[2]), parts[3]);
        } catch (IllegalArgumentException | DateTimeParseException malformed) {
            throw foreign();
        }
    }

    private static InvalidRequestException foreign() {
        return new InvalidRequestException(List.of(new InvalidRequestException.FieldProblem("cursor",
                "not a cursor this listing issued for these filters")));
    }

    private static String fingerprint(IncidentFilter filter) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(filter.canonical().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK has SHA-256", impossible);
        }
    }
}
