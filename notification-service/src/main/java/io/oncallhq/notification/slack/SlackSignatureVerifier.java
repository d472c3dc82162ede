package io.oncallhq.notification.slack;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Checks that a request comes from Slack: {@code X-Slack-Signature} must be {@code v0=} plus the hex HMAC-SHA256,
 * keyed with the signing secret, of {@code v0:<X-Slack-Request-Timestamp>:<raw body>}, and the timestamp within five
 * minutes of now (replay window). Works on the raw body bytes, compares in constant time, and never logs the body.
 *
 * <p>Own code rather than {@code slack-app-backend}'s {@code SlackSignature.Verifier}: that one compares with
 * {@code String.equals}, takes the body as a String and logs it at debug level.
 */
public final class SlackSignatureVerifier {

    public static final String TIMESTAMP_HEADER = "X-Slack-Request-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Slack-Signature";
    static final Duration REPLAY_WINDOW = Duration.ofMinutes(5);
    private static final String VERSION = "v0";
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final Clock clock;

    /** @param signingSecret the Slack app's signing secret; blank when not configured */
    public SlackSignatureVerifier(String signingSecret, Clock clock) {
        this.key = signingSecret == null || signingSecret.isBlank() ? null
                : new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.clock = clock;
    }

    public boolean configured() {
        return key != null;
    }

    /** @throws InvalidSlackSignatureException when the request is not provably Slack's, or too old */
    public void verify(String timestamp, String signature, byte[] body) {
        if (!configured()) {
            throw new SlackNotConfiguredException();
        }
        if (timestamp == null || timestamp.isBlank() || signature == null || signature.isBlank()) {
            throw new InvalidSlackSignatureException("missing " + TIMESTAMP_HEADER + " or " + SIGNATURE_HEADER);
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw new InvalidSlackSignatureException(TIMESTAMP_HEADER + " is not a number of seconds");
        }
        if (Math.abs(clock.instant().getEpochSecond() - seconds) > REPLAY_WINDOW.toSeconds()) {
            throw new InvalidSlackSignatureException(TIMESTAMP_HEADER + " is more than five minutes away from now");
        }
        byte[] expected = (VERSION + "=" + hmacHex(timestamp.trim(), body)).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.trim().getBytes(StandardCharsets.US_ASCII))) {
            throw new InvalidSlackSignatureException("the signature does not match the body");
        }
    }

    private String hmacHex(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update((VERSION + ":" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
