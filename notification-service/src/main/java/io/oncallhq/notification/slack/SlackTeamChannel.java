package io.oncallhq.notification.slack;

import io.oncallhq.contracts.page.PageUnroutable;
import io.oncallhq.notification.paging.IncidentChange;
import io.oncallhq.notification.paging.Page;
import io.oncallhq.notification.paging.PageState;
import io.oncallhq.notification.paging.Paged;
import io.oncallhq.notification.paging.SentPage;
import io.oncallhq.notification.paging.TeamChannel;

import java.util.List;

/** The team's Slack channel (the bot must be a member): the incident's message, its updates and thread lines. */
public final class SlackTeamChannel implements TeamChannel {

    private final SlackMessages messages;

    public SlackTeamChannel(SlackCalls slack, ChannelThrottle throttle) {
        this.messages = new SlackMessages(slack, throttle);
    }

    @Override
    public SentPage post(String channelId, Page page, List<Paged> paged, PageState state) {
        return new SentPage(channelId, messages.post(channelId, PageMessage.text(page, paged, state),
                PageMessage.blocks(page, paged, state), null));
    }

    @Override
    public void update(SentPage sent, Page page, List<Paged> paged, PageState state) {
        messages.update(sent, PageMessage.text(page, paged, state), PageMessage.blocks(page, paged, state));
    }

    @Override
    public void threadLine(SentPage sent, Page page, IncidentChange change) {
        messages.reply(sent, PageMessage.threadLine(change));
    }

    @Override
    public void unroutable(String channelId, PageUnroutable unroutable) {
        messages.post(channelId, PageMessage.unroutable(unroutable), null, null);
    }
}
