package io.oncallhq.notification.paging;

import java.time.Duration;
import java.util.Optional;

/**
 * The channel could not be reached or answered that it is overloaded or broken (HTTP 5xx, 429, I/O failure, circuit
 * open): worth another attempt, unlike a refusal of this page. Retried, counted by the circuit breaker, and once
 * retries are exhausted the page goes to the fallback channel.
 */
public class ChannelUnavailableException extends PagingFailedException {

    private final Duration retryAfter;

    public ChannelUnavailableException(String reason, Duration retryAfter, Throwable cause) {
        super(reason, cause);
        this.retryAfter = retryAfter;
    }

    /** How long the channel asked us to wait ({@code Retry-After} of a 429), when it said so. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
