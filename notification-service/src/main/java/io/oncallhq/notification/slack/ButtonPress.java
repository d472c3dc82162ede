package io.oncallhq.notification.slack;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A button pressed in a Slack message: the first action of a {@code block_actions} interaction payload.
 *
 * @param userName    the Slack handle ({@code user.username}, else {@code user.name}), possibly null
 * @param channelId   where the message is ({@code channel.id}, else {@code container.channel_id}), possibly null
 * @param responseUrl where Slack accepts replies to this interaction, possibly null
 */
record ButtonPress(String userId, String userName, String actionId, String value, String actionTs, String triggerId,
                   String channelId, String responseUrl) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PAYLOAD_FIELD = "payload=";
    /** Bump when the fields below change, so old keys never collide with new ones. */
    private static final String KEY_VERSION = "block_actions:v1:";

    /**
     * Reads the form body Slack posts ({@code payload=<url-encoded JSON>}). Empty for interactions that are not
     * button presses (shortcuts, view submissions...).
     */
    static Optional<ButtonPress> fromFormBody(byte[] body) {
        String payload = payloadOf(new String(body, StandardCharsets.US_ASCII));
        JsonNode interaction;
        try {
            interaction = JSON.readTree(payload);
        } catch (JacksonException e) {
            throw new MalformedInteractionException("payload is not JSON: " + e.getOriginalMessage());
        }
        if (!"block_actions".equals(interaction.path("type").asString(null))) {
            return Optional.empty();
        }
        JsonNode user = interaction.path("user");
        JsonNode action = interaction.path("actions").path(0);
        String userId = user.path("id").asString(null);
        String actionId = action.path("action_id").asString(null);
        if (userId == null || actionId == null) {
            throw new MalformedInteractionException("block_actions payload without user.id or actions[0].action_id");
        }
        String userName = user.hasNonNull("username") ? user.get("username").asString() : user.path("name").asString(null);
        String channelId = interaction.path("channel").path("id").asString(
                interaction.path("container").path("channel_id").asString(null));
        return Optional.of(new ButtonPress(userId, userName, actionId, action.path("value").asString(null),
                action.path("action_ts").asString(null), interaction.path("trigger_id").asString(null), channelId,
                interaction.path("response_url").asString(null)));
    }

    /**
     * Identifies this press across Slack's retries of the same request (which repeat the payload): the trigger id,
     * who pressed what and the action's timestamp, hashed. Two different presses never share it.
     */
    String deliveryKey() {
        String identity = String.join("\u001f", String.valueOf(triggerId), userId, actionId, String.valueOf(value),
                String.valueOf(actionTs));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return KEY_VERSION + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static String payloadOf(String formBody) {
        for (String field : formBody.split("&")) {
            if (field.startsWith(PAYLOAD_FIELD)) {
                return URLDecoder.decode(field.substring(PAYLOAD_FIELD.length()), StandardCharsets.UTF_8);
            }
        }
        throw new MalformedInteractionException("the form has no payload field");
    }
}
