package io.oncallhq.notification.webhook;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookSignatureTest {

    private static final byte[] BODY = "{\"type\":\"page\",\"pageId\":\"page-1\"}".getBytes(StandardCharsets.UTF_8);
    private static final long AT = 1_763_806_500L;
    /** Computed independently: {@code printf '1763806500.<body>' | openssl dgst -sha256 -hmac whsec-current}. */
    private static final String EXPECTED_CURRENT = "34f79c1f9de5ba12dcdd57ebfb14d75f9c059a44f4d064ad67a63a1c9d09d2d9";

    @Test
    void signsTheTimestampDotBodyWithHmacSha256() {
        assertThat(new WebhookSignature(List.of("whsec-current")).header(AT, BODY))
                .isEqualTo("t=1763806500,v1=" + EXPECTED_CURRENT);
    }

    @Test
    void duringARotationCarriesOneSignaturePerSecretCurrentFirst() {
        String header = new WebhookSignature(List.of("whsec-current", "whsec-previous")).header(AT, BODY);

        assertThat(header).startsWith("t=1763806500,v1=" + EXPECTED_CURRENT + ",v1=");
        assertThat(header.split(",")).hasSize(3);
        assertThat(header).doesNotEndWith(EXPECTED_CURRENT);
    }

    @Test
    void aBlankPreviousSecretAddsNoSignature() {
        assertThat(new WebhookSignature(List.of("whsec-current", "")).header(AT, BODY).split(",")).hasSize(2);
    }

    @Test
    void refusesToSignWithoutASecret() {
        assertThatThrownBy(() -> new WebhookSignature(List.of(""))).isInstanceOf(IllegalArgumentException.class);
    }
}
