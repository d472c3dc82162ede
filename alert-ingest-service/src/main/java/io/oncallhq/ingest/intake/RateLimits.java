package io.oncallhq.ingest.intake;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.oncallhq.ingest.config.IngestProperties;
import io.oncallhq.ingest.integration.Integration;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * One Resilience4j rate limiter per integration, so a noisy sender cannot crowd out the others. A request
 * over the limit is refused at once (no waiting in a request thread).
 */
@Component
public class RateLimits {

    private final RateLimiterRegistry registry;
    private final IngestProperties.RateLimit settings;

    RateLimits(IngestProperties properties) {
        this.settings = properties.rateLimit();
        this.registry = RateLimiterRegistry.of(config(settings.requestsPerPeriod()));
    }

    /** @throws RateLimitedException when the integration is over its limit */
    public void acquire(Integration integration) {
        RateLimiter limiter = registry.rateLimiter(integration.id(),
                () -> config(settings.perIntegration().getOrDefault(integration.id(), settings.requestsPerPeriod())));
        if (!limiter.acquirePermission()) {
            // Permits come back at the latest after one period; whole seconds, rounded up, as Retry-After takes.
            long periodMillis = settings.period().toMillis();
            throw new RateLimitedException(Math.max(1, (periodMillis + 999) / 1000));
        }
    }

    private RateLimiterConfig config(int requestsPerPeriod) {
        return RateLimiterConfig.custom()
                .limitForPeriod(requestsPerPeriod)
                .limitRefreshPeriod(settings.period())
                .timeoutDuration(Duration.ZERO)
                .build();
    }
}
