package io.oncallhq.notification.slack;

import io.oncallhq.notification.paging.IncidentChange;
import io.oncallhq.notification.paging.Page;
import io.oncallhq.notification.paging.PageState;
import io.oncallhq.notification.paging.PagingChannel;
import io.oncallhq.notification.paging.PagingFailedException;
import io.oncallhq.notification.paging.SentPage;

import java.util.List;

/**
 * Pages through the Slack Web API: a direct message to the responder's Slack user, later rewritten in place
 * ({@code chat.update}) as the incident moves on, with a line in its thread for each change. One attempt per call, as
 * {@link PagingChannel} requires (see {@link SlackCalls} for which failures are which). Every message to a channel
 * first waits for its turn under that channel's rate limit.
 */
public final class SlackChannel implements PagingChannel {

    public static final String NAME = "slack";

    private final SlackCalls slack;
    private final SlackMessages messages;

    public SlackChannel(SlackCalls slack, ChannelThrottle throttle) {
        this.slack = slack;
        this.messages = new SlackMessages(slack, throttle);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SentPage send(Page page, String address) {
        String slackUserId = address != null ? address
                : page.responder() == null ? null : page.responder().slackUserId();
        if (slackUserId == null || slackUserId.isBlank()) {
            throw new PagingFailedException("responder has no Slack user id");
        }
        String channelId = slack.call("conversations.open",
                methods -> methods.conversationsOpen(request -> request.users(List.of(slackUserId))))
                .getChannel().getId();
        String ts = messages.post(channelId, PageMessage.text(page, PageState.OPEN),
                PageMessage.blocks(page, PageState.OPEN));
        return new SentPage(channelId, ts);
    }

    @Override
    public void update(Page page, SentPage sent, PageState state) {
        messages.update(sent, PageMessage.text(page, state), PageMessage.blocks(page, state));
    }

    @Override
    public void threadLine(Page page, SentPage sent, IncidentChange change) {
        messages.reply(sent, PageMessage.threadLine(change));
    }
}
