package io.oncallhq.notification.slack;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

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

    private final List<SecretKeySpec> keys;
    private final Clock clock;

    /**
     * @param signingSecrets the Slack app's signing secret, and during a rotation the previous one too; a request
     *                       signed with any of them is accepted. Empty when not configured.
     */
    public SlackSignatureVerifier(List<String> signingSecrets, Clock clock) {
        this.keys = signingSecrets.stream().filter(secret -> secret != null && !secret.isBlank())
                .map(secret -> new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM)).toList();
        this.clock = clock;
    }

    public boolean configured() {
        return !keys.isEmpty();
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
        byte[] given = signature.trim().getBytes(StandardCharsets.US_ASCII);
        boolean matches = false;
        for (SecretKeySpec key : keys) { // every key is tried, so the time taken does not tell which one matched
            byte[] expected = (VERSION + "=" + hmacHex(key, timestamp.trim(), body)).getBytes(StandardCharsets.US_ASCII);
            matches |= MessageDigest.isEqual(expected, given);
        }
        if (!matches) {
            throw new InvalidSlackSignatureException("the signature does not match the body");
        }
    }

    private static String hmacHex(SecretKeySpec key, String timestamp, byte[] body) {
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
