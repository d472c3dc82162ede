package io.oncallhq.notification.slack;

/** Makes a message to a Slack channel wait for its turn under that channel's rate limit; never drops it. */
@FunctionalInterface
public interface ChannelThrottle {

    void awaitTurn(String channelId);
}
