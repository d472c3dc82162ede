package io.oncallhq.apisecurity;

import java.util.Optional;

/**
 * The bearer token this service sends when it calls another one ({@code SERVICE_API_TOKEN}). Callers add
 * {@link #authorization()} to their requests; without a token they send none, as before.
 */
public final class ServiceToken {

    private final String token;

    ServiceToken(String token) {
        this.token = token == null || token.isBlank() ? null : token.trim();
    }

    /** The {@code Authorization} header's value, if a token is configured. */
    public Optional<String> authorization() {
        return Optional.ofNullable(token).map(value -> "Bearer " + value);
    }

    @Override
    public String toString() {
        return token == null ? "ServiceToken[none]" : "ServiceToken[****]";
    }
}
