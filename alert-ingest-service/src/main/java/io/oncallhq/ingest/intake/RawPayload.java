package io.oncallhq.ingest.intake;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The sender's body as evidence in the events of one request, cut to a bounded size on a character boundary. An
 * alert of a batch carries the batch as if it held only that alert: the sender's own bytes, with the group's fields
 * and only that alert's entry in the {@code alerts} array, so a batch of a hundred alerts does not put the whole
 * batch into a hundred events. The body is scanned once for where each entry starts and ends; nothing is re-written.
 */
public final class RawPayload {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ALERTS = "alerts";

    private final byte[] body;
    private final int limitBytes;
    private Batch batch;

    /** Where the {@code alerts} array and each of its entries are in the body: {@code [start, end)} byte ranges. */
    private record Batch(int arrayStart, int arrayEnd, List<int[]> entries) {
    }

    private RawPayload(byte[] body, int limitBytes) {
        this.body = body;
        this.limitBytes = limitBytes;
    }

    public static RawPayload of(byte[] body, int limitBytes) {
        return new RawPayload(body, limitBytes);
    }

    /** The whole body, bounded: the evidence of a request that is one alert. */
    public String whole() {
        return truncated(body, limitBytes);
    }

    /** The evidence of alert {@code index} of a batch whose alerts are the body's {@code alerts} array. */
    public String ofBatchAlert(int index) {
        if (batch == null) {
            batch = scan(body);
        }
        if (index >= batch.entries().size()) {
            return whole();
        }
        int[] entry = batch.entries().get(index);
        ByteArrayOutputStream one = new ByteArrayOutputStream(
                body.length - (batch.arrayEnd() - batch.arrayStart()) + (entry[1] - entry[0]) + 2);
        one.write(body, 0, batch.arrayStart());
        one.write('[');
        one.write(body, entry[0], entry[1] - entry[0]);
        one.write(']');
        one.write(body, batch.arrayEnd(), body.length - batch.arrayEnd());
        return truncated(one.toByteArray(), limitBytes);
    }

    /** The top-level {@code alerts} array's entries; none when the body is not an object holding one. */
    private static Batch scan(byte[] body) {
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return new Batch(0, 0, List.of());
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                boolean alerts = ALERTS.equals(parser.currentName());
                JsonToken value = parser.nextToken();
                if (alerts && value == JsonToken.START_ARRAY) {
                    int arrayStart = offset(parser.currentTokenLocation().getByteOffset());
                    List<int[]> entries = new ArrayList<>();
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        int start = offset(parser.currentTokenLocation().getByteOffset());
                        parser.skipChildren();
                        entries.add(new int[] {start, offset(parser.currentLocation().getByteOffset())});
                    }
                    return new Batch(arrayStart, offset(parser.currentLocation().getByteOffset()), entries);
                }
                parser.skipChildren();
            }
        } catch (JacksonException unreadable) {
            // The format's own parse says what is wrong with the body; the evidence falls back to the body itself.
        }
        return new Batch(0, 0, List.of());
    }

    private static int offset(long byteOffset) {
        return Math.toIntExact(byteOffset);
    }

    static String truncated(byte[] body, int limitBytes) {
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
