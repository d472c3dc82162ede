package io.oncallhq.apisecurity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The static API tokens, kept only as SHA-256 hashes. A presented token is hashed and compared with every known hash
 * in constant time, so neither the answer's timing nor a log line tells anything about a token.
 */
public final class StaticApiTokens {

    /** Whom a token belongs to (a responder, or a system when {@code responderId} is null), and its role. */
    public record Caller(String name, Role role, String responderId) {
    }

    private record Known(Caller caller, byte[] hash) {
    }

    /** The name under which {@code API_TOKEN} acts. */
    static final String LOCAL_ADMIN = "admin";

    private final List<Known> known;

    private StaticApiTokens(List<Known> known) {
        this.known = List.copyOf(known);
    }

    public static StaticApiTokens from(ApiSecurityProperties properties) {
        List<Known> known = new ArrayList<>();
        for (ApiSecurityProperties.ConfiguredToken token : properties.apiTokens()) {
            if (token.name() == null || token.name().isBlank() || token.role() == null || token.sha256() == null) {
                throw new IllegalArgumentException("oncallhq.security.api-tokens: every token needs a name, a role and a sha256");
            }
            known.add(new Known(new Caller(token.name(), token.role(), token.responderId()),
                    HexFormat.of().parseHex(token.sha256().trim())));
        }
        if (properties.apiToken() != null && !properties.apiToken().isBlank()) {
            known.add(new Known(new Caller(LOCAL_ADMIN, Role.ADMIN, null), sha256(properties.apiToken())));
        }
        requireOneOwnerPerToken(known);
        return new StaticApiTokens(known);
    }

    /** A token shared by two entries would act as whichever came first: refuse to start instead of guessing. */
    private static void requireOneOwnerPerToken(List<Known> known) {
        for (int i = 0; i < known.size(); i++) {
            for (int j = i + 1; j < known.size(); j++) {
                if (MessageDigest.isEqual(known.get(i).hash(), known.get(j).hash())) {
                    throw new IllegalArgumentException("oncallhq.security.api-tokens: '" + known.get(i).caller().name()
                            + "' and '" + known.get(j).caller().name() + "' have the same token; a token belongs to one"
                            + " person or system, so each needs a token of its own");
                }
            }
        }
    }

    public boolean isEmpty() {
        return known.isEmpty();
    }

    /** The caller the token belongs to; every known hash is compared, whichever matches. */
    public Optional<Caller> match(String presented) {
        byte[] hash = sha256(presented);
        Caller found = null;
        for (Known candidate : known) {
            if (MessageDigest.isEqual(candidate.hash(), hash) && found == null) {
                found = candidate.caller();
            }
        }
        return Optional.ofNullable(found);
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
