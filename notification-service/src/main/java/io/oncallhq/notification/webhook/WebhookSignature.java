package io.oncallhq.notification.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Signs outgoing webhook bodies the way the best-documented senders do (Stripe's scheme): header
 * {@value #HEADER}{@code : t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>}. While a secret is being
 * rotated both are configured and the header carries one {@code v1=} per secret, current first, so a receiver that
 * knows either accepts the call.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-Oncallhq-Signature";
    private static final String ALGORITHM = "HmacSHA256";

    private final List<SecretKeySpec> keys;

    /** @param secrets the current secret first, then one being retired; blanks are skipped */
    public WebhookSignature(List<String> secrets) {
        this.keys = secrets.stream().filter(Objects::nonNull).filter(secret -> !secret.isBlank())
                .map(secret -> new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM)).toList();
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a webhook signing secret is required");
        }
    }

    public String header(long unixSeconds, byte[] body) {
        StringBuilder header = new StringBuilder("t=").append(unixSeconds);
        for (SecretKeySpec key : keys) {
            header.append(",v1=").append(hmacHex(key, unixSeconds, body));
        }
        return header.toString();
    }

    private static String hmacHex(SecretKeySpec key, long unixSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update((unixSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
