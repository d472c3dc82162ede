package io.oncallhq.notification.slack;

import com.slack.api.app_backend.SlackSignature;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlackSignatureVerifierTest {

    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final Instant NOW = Instant.parse("2026-11-22T10:15:00Z");
    private static final String BODY = "payload=%7B%22type%22%3A%22block_actions%22%7D";

    private static final String PREVIOUS_SECRET = "0123456789abcdef0123456789abcdef";
    private final SlackSignatureVerifier verifier =
            new SlackSignatureVerifier(List.of(SECRET), Clock.fixed(NOW, ZoneOffset.UTC));
    private final SlackSignatureVerifier rotating =
            new SlackSignatureVerifier(List.of(SECRET, PREVIOUS_SECRET), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void duringARotationAcceptsBothTheNewAndThePreviousSecret() {
        String timestamp = secondsAgo(10);

        assertThatCode(() -> rotating.verify(timestamp, signed(SECRET, timestamp, BODY), bytes(BODY)))
                .doesNotThrowAnyException();
        assertThatCode(() -> rotating.verify(timestamp, signed(PREVIOUS_SECRET, timestamp, BODY), bytes(BODY)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> verifier.verify(timestamp, signed(PREVIOUS_SECRET, timestamp, BODY), bytes(BODY)))
                .isInstanceOf(InvalidSlackSignatureException.class);
        assertThatThrownBy(() -> rotating.verify(timestamp, signed("some-other-secret", timestamp, BODY), bytes(BODY)))
                .isInstanceOf(InvalidSlackSignatureException.class);
    }

    @Test
    void acceptsARequestSignedBySlacksOwnGenerator() {
        String timestamp = secondsAgo(10);

        assertThatCode(() -> verifier.verify(timestamp, signed(SECRET, timestamp, BODY), bytes(BODY)))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesATamperedBody() {
        String timestamp = secondsAgo(10);
        String signature = signed(SECRET, timestamp, BODY);

        assertThatThrownBy(() -> verifier.verify(timestamp, signature, bytes(BODY + "x")))
                .isInstanceOf(InvalidSlackSignatureException.class);
    }

    @Test
    void refusesATimestampOlderThanFiveMinutesEvenWhenCorrectlySigned() {
        String timestamp = secondsAgo(5 * 60 + 1);

        assertThatThrownBy(() -> verifier.verify(timestamp, signed(SECRET, timestamp, BODY), bytes(BODY)))
                .isInstanceOf(InvalidSlackSignatureException.class)
                .hasMessageContaining("five minutes");
    }

    @Test
    void acceptsATimestampJustInsideTheWindow() {
        String timestamp = secondsAgo(5 * 60 - 1);

        assertThatCode(() -> verifier.verify(timestamp, signed(SECRET, timestamp, BODY), bytes(BODY)))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesATimestampFarInTheFuture() {
        String timestamp = secondsAgo(-(5 * 60 + 1));

        assertThatThrownBy(() -> verifier.verify(timestamp, signed(SECRET, timestamp, BODY), bytes(BODY)))
                .isInstanceOf(InvalidSlackSignatureException.class);
    }

    @Test
    void refusesMissingHeaders() {
        String timestamp = secondsAgo(10);
        String signature = signed(SECRET, timestamp, BODY);

        assertThatThrownBy(() -> verifier.verify(null, signature, bytes(BODY)))
                .isInstanceOf(InvalidSlackSignatureException.class);
        assertThatThrownBy(() -> verifier.verify(timestamp, null, bytes(BODY)))
                .isInstanceOf(InvalidSlackSignatureException.class);
        assertThatThrownBy(() -> verifier.verify(" ", "", bytes(BODY)))
                .isInstanceOf(InvalidSlackSignatureException.class);
    }

    @Test
    void refusesARequestSignedWithAnotherSecret() {
        String timestamp = secondsAgo(10);

        assertThatThrownBy(() -> verifier.verify(timestamp, signed("another-secret", timestamp, BODY), bytes(BODY)))
                .isInstanceOf(InvalidSlackSignatureException.class)
                .hasMessageContaining("does not match");
    }

    @Test
    void refusesEverythingWhenNoSecretIsConfigured() {
        SlackSignatureVerifier unconfigured = new SlackSignatureVerifier(List.of(""), Clock.fixed(NOW, ZoneOffset.UTC));
        String timestamp = secondsAgo(10);

        assertThatThrownBy(() -> unconfigured.verify(timestamp, signed(SECRET, timestamp, BODY), bytes(BODY)))
                .isInstanceOf(SlackNotConfiguredException.class);
    }

    private static String secondsAgo(long seconds) {
        return String.valueOf(NOW.getEpochSecond() - seconds);
    }

    private static String signed(String secret, String timestamp, String body) {
        return new SlackSignature.Generator(secret).generate(timestamp, body);
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
