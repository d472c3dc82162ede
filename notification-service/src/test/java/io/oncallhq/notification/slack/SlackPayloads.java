package io.oncallhq.notification.slack;

import com.slack.api.util.json.GsonFactory;
import io.oncallhq.contracts.Severity;
import io.oncallhq.contracts.page.PageTarget;
import io.oncallhq.contracts.page.RecentChange;
import io.oncallhq.notification.paging.Page;
import io.oncallhq.notification.paging.PageState;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Interaction payloads as Slack posts them. A press on a page's button carries the whole message back, blocks
 * included, as {@link PageMessage} built it: bold {@code *Service:*}, links {@code <https://...|text>}, emoji,
 * non-ASCII names, {@code ~} and {@code !'()} in the text, and Slack's {@code \/} for every slash.
 */
public final class SlackPayloads {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant PAGED_AT = Instant.parse("2026-11-22T09:00:00Z");

    private SlackPayloads() {
    }

    /** A {@code block_actions} payload: the Slack user pressed a button of the incident's page in that channel. */
    public static String pressOnPage(String slackUserId, String actionId, String incidentId, String channelId,
                                     String messageTs) {
        Page page = checkoutPage(incidentId, slackUserId);
        ObjectNode payload = JSON.createObjectNode().put("type", "block_actions");
        payload.putObject("user").put("id", slackUserId).put("username", "alex").put("name", "alex")
                .put("team_id", "T0TEAM");
        payload.put("api_app_id", "A0APP").put("token", "legacy-verification-token");
        payload.putObject("container").put("type", "message").put("message_ts", messageTs)
                .put("channel_id", channelId).put("is_ephemeral", false);
        payload.put("trigger_id", UUID.randomUUID().toString());
        payload.putObject("team").put("id", "T0TEAM").put("domain", "demo");
        payload.putNull("enterprise").put("is_enterprise_install", false);
        payload.putObject("channel").put("id", channelId).put("name", "directmessage");
        ObjectNode message = payload.putObject("message").put("user", "U0BOT").put("type", "message")
                .put("ts", messageTs).put("bot_id", "B0BOT").put("app_id", "A0APP")
                .put("text", PageMessage.text(page, PageState.OPEN)).put("team", "T0TEAM");
        String blocks = GsonFactory.createSnakeCase().toJson(PageMessage.blocks(page, PageState.OPEN));
        message.set("blocks", JSON.readTree(blocks));
        payload.putObject("state").putObject("values");
        payload.put("response_url", "https://hooks.slack.com/actions/T0TEAM/1/xyz");
        payload.putArray("actions").addObject().put("type", "button").put("block_id", PageMessage.ACTIONS_BLOCK)
                .put("action_id", actionId).put("value", incidentId)
                .put("action_ts", Instant.now().getEpochSecond() + ".000200");
        return JSON.writeValueAsString(payload).replace("/", "\\/");
    }

    private static Page checkoutPage(String incidentId, String slackUserId) {
        RecentChange deploy = new RecentChange("Deploy v2.4.1 ~ canary (50 %) by José Núñez 🚀", "GitHub Actions",
                PAGED_AT.minus(Duration.ofMinutes(10)), "https://git.example.com/~jose/checkout/pull/42");
        return new Page("page-" + incidentId, incidentId, 7, "Checkout latency high — p99 > 2 s (EU)!",
                Severity.CRITICAL, "checkout-api", "Checkout API (José's team)", 1, "http://localhost:8082/incidents/" + incidentId,
                new PageTarget("alex", "Alex Rivera", "alex@example.com", slackUserId), PAGED_AT, List.of(deploy));
    }
}
