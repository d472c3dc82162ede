package io.oncallhq.notification.slack;

import com.slack.api.model.Message;
import com.slack.api.model.block.LayoutBlock;
import io.oncallhq.notification.paging.SentPage;

import java.util.List;

/** Messages to a Slack channel, each waiting for its turn under that channel's rate limit. */
final class SlackMessages {

    private final SlackCalls slack;
    private final ChannelThrottle throttle;

    SlackMessages(SlackCalls slack, ChannelThrottle throttle) {
        this.slack = slack;
        this.throttle = throttle;
    }

    /** Posts a message, with metadata that finds it again when given; returns its {@code ts}. */
    String post(String channelId, String text, List<LayoutBlock> blocks, Message.Metadata metadata) {
        throttle.awaitTurn(channelId);
        return slack.call("chat.postMessage", methods -> methods.chatPostMessage(request -> request
                .channel(channelId).text(text).blocks(blocks).metadata(metadata))).getTs();
    }

    void update(SentPage sent, String text, List<LayoutBlock> blocks) {
        throttle.awaitTurn(sent.destination());
        slack.call("chat.update", methods -> methods.chatUpdate(request -> request
                .channel(sent.destination()).ts(sent.messageRef()).text(text).blocks(blocks)));
    }

    /** One line in the message's thread. */
    void reply(SentPage sent, String text) {
        throttle.awaitTurn(sent.destination());
        slack.call("chat.postMessage", methods -> methods.chatPostMessage(request -> request
                .channel(sent.destination()).threadTs(sent.messageRef()).text(text)));
    }
}
