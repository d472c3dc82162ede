package io.oncallhq.notification.slack;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * One Resilience4j {@link RateLimiter} per Slack channel id (named {@code slack-channel-<id>}, made from a shared
 * config), plus a minimum spacing of one refresh period per permit between two messages to the same channel. The
 * spacing matters because the limiter counts permits per fixed cycle: a message late in one cycle and the next early
 * in the following cycle would otherwise go out almost together. Callers wait their turn (one at a time per channel,
 * in arrival order as far as the lock is fair); nothing is dropped unless the limiter's own timeout passes.
 */
public final class PerChannelThrottle implements ChannelThrottle {

    private final RateLimiterRegistry registry;
    private final String configName;
    private final Duration spacing;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

    public PerChannelThrottle(RateLimiterRegistry registry, String configName) {
        this.registry = registry;
        this.configName = configName;
        RateLimiterConfig config = registry.getConfiguration(configName)
                .orElseThrow(() -> new IllegalStateException("no rate limiter config " + configName));
        this.spacing = config.getLimitRefreshPeriod().dividedBy(config.getLimitForPeriod());
    }

    @Override
    public void awaitTurn(String channelId) {
        Lane lane = lanes.computeIfAbsent(channelId,
                id -> new Lane(registry.rateLimiter("slack-channel-" + id, configName)));
        synchronized (lane) {
            RateLimiter.waitForPermission(lane.limiter);
            if (lane.used) {
                long wait;
                while ((wait = lane.lastNanos + spacing.toNanos() - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
            lane.lastNanos = System.nanoTime();
            lane.used = true;
        }
    }

    @Override
    public Duration spacing() {
        return spacing;
    }

    private static final class Lane {

        private final RateLimiter limiter;
        private long lastNanos;
        private boolean used;

        private Lane(RateLimiter limiter) {
            this.limiter = limiter;
        }
    }
}
