package io.oncallhq.ingest.intake;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;

/**
 * The sender's body as evidence in the events of one request, cut to a bounded size on a character boundary. An
 * alert of a batch carries the batch as if it held only that alert (the group's fields and its own entry), so a
 * batch of a hundred alerts does not put the whole batch into a hundred events.
 */
public final class RawPayload {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ALERTS = "alerts";

    private final byte[] body;
    private final int limitBytes;
    private boolean parsed;
    private ObjectNode groupFields;
    private ArrayNode alerts;

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
        parseBatch();
        if (alerts == null || index >= alerts.size()) {
            return whole();
        }
        ObjectNode one = groupFields.deepCopy();
        one.putArray(ALERTS).add(alerts.get(index));
        return truncated(JSON.writeValueAsBytes(one), limitBytes);
    }

    /** Once per request: the group's own fields apart from its alerts, so each alert's copy stays small. */
    private void parseBatch() {
        if (parsed) {
            return;
        }
        parsed = true;
        try {
            if (JSON.readTree(body) instanceof ObjectNode batch && batch.get(ALERTS) instanceof ArrayNode entries) {
                batch.remove(ALERTS);
                groupFields = batch;
                alerts = entries;
            }
        } catch (JacksonException unreadable) {
            // The format's own parse says what is wrong with the body; the evidence falls back to the body itself.
        }
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
