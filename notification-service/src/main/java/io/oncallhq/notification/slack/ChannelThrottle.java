package io.oncallhq.notification.slack;

import java.time.Duration;

/** Makes a message to a Slack channel wait for its turn under that channel's rate limit; never drops it. */
public interface ChannelThrottle {

    void awaitTurn(String channelId);

    /** The least time between two messages to one channel. */
    Duration spacing();
}
