package io.oncallhq.notification.slack;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * A slash command as Slack posts it ({@code application/x-www-form-urlencoded}: {@code command}, {@code text},
 * {@code user_id}, {@code user_name}, {@code channel_id}, {@code trigger_id}, {@code response_url}, ...).
 */
record SlashCommand(String command, String text, String userId, String userName, String channelId, String triggerId,
                    boolean sslCheck) {

    private static final String KEY_VERSION = "slash_command:v1:";

    static SlashCommand fromFormBody(byte[] body) {
        Map<String, String> form = new HashMap<>();
        for (String field : new String(body, StandardCharsets.US_ASCII).split("&")) {
            if (field.isEmpty()) {
                continue;
            }
            String[] pair = field.split("=", 2);
            form.put(URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                    pair.length < 2 ? "" : URLDecoder.decode(pair[1], StandardCharsets.UTF_8));
        }
        if ("1".equals(form.get("ssl_check"))) {
            return new SlashCommand(null, "", null, null, null, null, true);
        }
        String userId = form.get("user_id");
        if (userId == null || userId.isBlank()) {
            throw new MalformedInteractionException("slash command without user_id");
        }
        return new SlashCommand(form.get("command"), form.getOrDefault("text", "").trim(), userId,
                form.get("user_name"), form.get("channel_id"), form.get("trigger_id"), false);
    }

    /** Stable across Slack's retries of this request; distinct for every command a user types. */
    String deliveryKey() {
        String identity = String.join("\u001f", String.valueOf(triggerId), userId, String.valueOf(command), text);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return KEY_VERSION + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
