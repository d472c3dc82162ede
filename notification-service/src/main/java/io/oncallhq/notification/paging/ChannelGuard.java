package io.oncallhq.notification.paging;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

import java.util.function.Supplier;

/**
 * One channel's Resilience4j instances: each attempt passes the bulkhead (a slow channel holds at most a few threads)
 * and the circuit breaker; the retry repeats attempts that failed with {@link ChannelUnavailableException}, waiting as
 * its interval function says (exponential backoff, or the channel's {@code Retry-After}). What stays unavailable
 * leaves as {@link ChannelUnavailableException}, so the delivery can fall back; a refusal of the page is not retried.
 */
public final class ChannelGuard {

    private final String name;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;
    private final Bulkhead bulkhead;

    public ChannelGuard(String name, Retry retry, CircuitBreaker circuitBreaker, Bulkhead bulkhead) {
        this.name = name;
        this.retry = retry;
        this.circuitBreaker = circuitBreaker;
        this.bulkhead = bulkhead;
    }

    /**
     * The configured retry (attempts, which failures, backoff) with one addition YAML cannot express: after a failure
     * that says how long to wait ({@code Retry-After} of a 429) the next attempt waits exactly that, not the backoff.
     */
    public static RetryConfig honouringRetryAfter(RetryConfig configured) {
        IntervalBiFunction<Object> backoff = configured.getIntervalBiFunction();
        return RetryConfig.custom()
                .maxAttempts(configured.getMaxAttempts())
                .retryOnException(configured.getExceptionPredicate())
                .intervalBiFunction((Integer attempt, Either<Throwable, Object> outcome) ->
                        outcome.isLeft() && outcome.getLeft() instanceof ChannelUnavailableException unavailable
                                && unavailable.retryAfter().isPresent()
                                ? unavailable.retryAfter().get().toMillis()
                                : backoff.apply(attempt, outcome))
                .build();
    }

    /** Runs one call (its attempts) through the instances. */
    public <T> T call(Supplier<T> attempt) {
        Supplier<T> guarded = Retry.decorateSupplier(retry,
                CircuitBreaker.decorateSupplier(circuitBreaker, Bulkhead.decorateSupplier(bulkhead, attempt)));
        try {
            return guarded.get();
        } catch (CallNotPermittedException e) {
            throw new ChannelUnavailableException(name + " circuit breaker is open", null, e);
        } catch (BulkheadFullException e) {
            throw new ChannelUnavailableException(name + " has too many calls in flight", null, e);
        }
    }

    public void run(Runnable attempt) {
        call(() -> {
            attempt.run();
            return null;
        });
    }
}
