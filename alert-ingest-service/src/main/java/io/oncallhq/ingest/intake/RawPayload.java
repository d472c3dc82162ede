package io.oncallhq.ingest.intake;

import java.nio.charset.StandardCharsets;

/** The sender's body as evidence in the event, cut to a bounded size on a character boundary. */
public final class RawPayload {

    private RawPayload() {
    }

    public static String truncated(byte[] body, int limitBytes) {
        if (body.length <= limitBytes) {
            return new String(body, StandardCharsets.UTF_8);
        }
        int end = limitBytes;
        while (end > 0 && (body[end] & 0xC0) == 0x80) { // a UTF-8 continuation byte: back off to the character start
            end--;
        }
        return new String(body, 0, end, StandardCharsets.UTF_8);
    }
}
