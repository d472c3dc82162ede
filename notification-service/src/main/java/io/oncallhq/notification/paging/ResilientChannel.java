package io.oncallhq.notification.paging;

import java.time.Duration;
import java.util.Optional;

/** A channel behind its {@link ChannelGuard}: every call, sending and updating alike, goes through the guard. */
public final class ResilientChannel implements PagingChannel {

    private final PagingChannel channel;
    private final ChannelGuard guard;

    public ResilientChannel(PagingChannel channel, ChannelGuard guard) {
        this.channel = channel;
        this.guard = guard;
    }

    @Override
    public String name() {
        return channel.name();
    }

    @Override
    public Duration pace() {
        return channel.pace();
    }

    @Override
    public SentPage send(Page page, String address) {
        return guard.call(() -> channel.send(page, address));
    }

    @Override
    public boolean digests() {
        return channel.digests();
    }

    @Override
    public SentPage sendDigest(PageDigest digest, String address) {
        return guard.call(() -> channel.sendDigest(digest, address));
    }

    @Override
    public void updateDigest(PageDigest digest, SentPage sent) {
        guard.run(() -> channel.updateDigest(digest, sent));
    }

    @Override
    public void update(Page page, SentPage sent, PageState state) {
        guard.run(() -> channel.update(page, sent, state));
    }

    @Override
    public Optional<SentPage> findSent(Page page, String address) {
        return guard.call(() -> channel.findSent(page, address));
    }

    @Override
    public void threadLine(Page page, SentPage sent, IncidentChange change) {
        guard.run(() -> channel.threadLine(page, sent, change));
    }
}
