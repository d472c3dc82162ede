package io.oncallhq.ingest.intake;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class RawPayloadTest {

    @Test
    void aBodyWithinTheLimitIsKeptWhole() {
        assertThat(RawPayload.truncated("{\"a\":1}".getBytes(StandardCharsets.UTF_8), 16)).isEqualTo("{\"a\":1}");
    }

    @Test
    void aLongerBodyIsCutWithoutSplittingACharacter() {
        byte[] body = "aé€".getBytes(StandardCharsets.UTF_8); // 1 + 2 + 3 bytes

        assertThat(RawPayload.truncated(body, 4)).isEqualTo("aé");
        assertThat(RawPayload.truncated(body, 2)).isEqualTo("a");
    }
}
