package io.oncallhq.notification.paging;

import java.util.Optional;

/**
 * Where pages go: the primary channel, and the fallback used when the primary stays unavailable (none configured:
 * the page just fails).
 */
public record PagingChannels(PagingChannel primary, PagingChannel fallback) {

    public Optional<PagingChannel> fallbackChannel() {
        return Optional.ofNullable(fallback);
    }
}
