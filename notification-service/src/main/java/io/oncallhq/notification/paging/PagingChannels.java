package io.oncallhq.notification.paging;

import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where pages go: the primary channel, the fallback used when the primary stays unavailable (none configured: the
 * page just fails), and the team channel that gets one message per incident (none without Slack).
 */
public record PagingChannels(PagingChannel primary, PagingChannel fallback, TeamChannel team) {

    public Optional<PagingChannel> fallbackChannel() {
        return Optional.ofNullable(fallback);
    }

    public Optional<TeamChannel> teamChannel() {
        return Optional.ofNullable(team);
    }

    /** The active channel of that name: where an earlier page's message can be updated. */
    public Optional<PagingChannel> named(String name) {
        return Stream.of(primary, fallback).filter(channel -> channel != null && channel.name().equals(name))
                .findFirst();
    }
}
