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

    @Test
    void eachAlertOfABatchCarriesTheGroupAndOnlyItsOwnEntryAsTheSenderWroteThem() {
        byte[] batch = """
                {"version":"4","groupKey":"{}:{alertname=\\"Disk\\"}",
                 "alerts": [ {"fingerprint":"aaaa","labels":{"instance":"a"}},
                   {"fingerprint":"bbbb","labels":{"instance":"b", "note":"[x]"}} ],
                 "someFutureField":true}"""
                .getBytes(StandardCharsets.UTF_8);
        RawPayload raw = RawPayload.of(batch, 16 * 1024);

        assertThat(raw.ofBatchAlert(1)).isEqualTo("""
                {"version":"4","groupKey":"{}:{alertname=\\"Disk\\"}",
                 "alerts": [{"fingerprint":"bbbb","labels":{"instance":"b", "note":"[x]"}}],
                 "someFutureField":true}""");
        assertThat(raw.ofBatchAlert(0)).contains("aaaa", "someFutureField").doesNotContain("bbbb");
    }

    @Test
    void aBatchAlertsEvidenceIsBoundedLikeAnyOther() {
        byte[] batch = ("{\"alerts\":[{\"summary\":\"" + "x".repeat(100) + "\"}]}").getBytes(StandardCharsets.UTF_8);

        assertThat(RawPayload.of(batch, 32).ofBatchAlert(0)).hasSize(32).startsWith("{\"alerts\":[{\"summary\":\"xx");
    }

    @Test
    void aBodyThatIsNoBatchIsItsOwnEvidence() {
        RawPayload raw = RawPayload.of("{\"summary\":\"x\"}".getBytes(StandardCharsets.UTF_8), 16 * 1024);

        assertThat(raw.ofBatchAlert(0)).isEqualTo(raw.whole()).isEqualTo("{\"summary\":\"x\"}");
    }
}
