package io.oncallhq.ingest;

import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The senders' documented example payloads under {@code src/test/resources/payloads} (see the README there). */
public final class Payloads {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Payloads() {
    }

    public static String text(String name) {
        try (InputStream in = Payloads.class.getResourceAsStream("/payloads/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no payload " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T> T parsed(String name, Class<T> type) {
        return JSON.readValue(text(name), type);
    }

    public static <T> T parsedJson(String json, Class<T> type) {
        return JSON.readValue(json, type);
    }
}
