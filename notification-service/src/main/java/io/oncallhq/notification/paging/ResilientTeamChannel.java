package io.oncallhq.notification.paging;

import io.oncallhq.contracts.page.PageUnroutable;

import java.util.List;

/** The team channel behind the guard of the channel it lives on (Slack's instances: one Slack, one circuit). */
public final class ResilientTeamChannel implements TeamChannel {

    private final TeamChannel team;
    private final ChannelGuard guard;

    public ResilientTeamChannel(TeamChannel team, ChannelGuard guard) {
        this.team = team;
        this.guard = guard;
    }

    @Override
    public SentPage post(String channelId, Page page, List<Paged> paged, PageState state) {
        return guard.call(() -> team.post(channelId, page, paged, state));
    }

    @Override
    public void update(SentPage sent, Page page, List<Paged> paged, PageState state) {
        guard.run(() -> team.update(sent, page, paged, state));
    }

    @Override
    public void threadLine(SentPage sent, Page page, IncidentChange change) {
        guard.run(() -> team.threadLine(sent, page, change));
    }

    @Override
    public void unroutable(String channelId, PageUnroutable unroutable) {
        guard.run(() -> team.unroutable(channelId, unroutable));
    }
}
