package io.oncallhq.notification.paging;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.oncallhq.contracts.Severity;
import io.oncallhq.contracts.page.PageTarget;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResilientChannelTest {

    private static final RetryConfig CONFIGURED = RetryConfig.custom()
            .maxAttempts(3)
            .waitDuration(Duration.ofMillis(1))
            .retryExceptions(ChannelUnavailableException.class)
            .build();
    private static final SentPage SENT = new SentPage("D0DM", "1700000000.000100");

    @Test
    void aRateLimitedAttemptWaitsTheRetryAfterTheChannelAskedFor() {
        RetryConfig config = ChannelGuard.honouringRetryAfter(CONFIGURED);

        long wait = config.getIntervalBiFunction().apply(1, Either.left(rateLimited(Duration.ofSeconds(7))));

        assertThat(wait).isEqualTo(7_000);
    }

    @Test
    void otherUnavailabilityWaitsTheConfiguredBackoff() {
        RetryConfig config = ChannelGuard.honouringRetryAfter(CONFIGURED);

        long wait = config.getIntervalBiFunction().apply(1, Either.left(serverError()));

        assertThat(wait).isEqualTo(1);
    }

    @Test
    void aBrieflyUnavailableChannelIsRetriedUntilItTakesThePage() {
        ScriptedChannel channel = new ScriptedChannel(serverError(), null);

        assertThat(resilient(channel, CircuitBreaker.ofDefaults("test")).send(page(), null)).isEqualTo(SENT);
        assertThat(channel.calls).isEqualTo(2);
    }

    @Test
    void aRefusalIsNotRetried() {
        ScriptedChannel channel = new ScriptedChannel(new PagingFailedException("chat.postMessage: channel_not_found"));

        assertThatThrownBy(() -> resilient(channel, CircuitBreaker.ofDefaults("test")).send(page(), null))
                .isInstanceOf(PagingFailedException.class).isNotInstanceOf(ChannelUnavailableException.class);
        assertThat(channel.calls).isEqualTo(1);
    }

    @Test
    void aChannelThatStaysUnavailableFailsAfterTheConfiguredAttempts() {
        ScriptedChannel channel = new ScriptedChannel(serverError(), serverError(), serverError(), null);

        assertThatThrownBy(() -> resilient(channel, CircuitBreaker.ofDefaults("test")).send(page(), null))
                .isInstanceOf(ChannelUnavailableException.class).hasMessageContaining("HTTP 500");
        assertThat(channel.calls).isEqualTo(3);
    }

    @Test
    void anOpenCircuitFailsAtOnceAsUnavailableWithoutCallingTheChannel() {
        CircuitBreaker breaker = CircuitBreaker.of("test", CircuitBreakerConfig.ofDefaults());
        breaker.transitionToOpenState();
        ScriptedChannel channel = new ScriptedChannel((RuntimeException) null);

        assertThatThrownBy(() -> resilient(channel, breaker).send(page(), null))
                .isInstanceOf(ChannelUnavailableException.class).hasMessageContaining("circuit breaker is open");
        assertThat(channel.calls).isZero();
    }

    @Test
    void aChannelThatKeepsFailingOpensTheCircuitSoLaterPagesFailAtOnceWithoutCallingIt() {
        CircuitBreaker breaker = CircuitBreaker.of("test", CircuitBreakerConfig.custom()
                .slidingWindowSize(4).minimumNumberOfCalls(4).failureRateThreshold(50).build());
        ScriptedChannel channel = new ScriptedChannel(serverError(), serverError(), serverError(), serverError(),
                serverError(), serverError(), null);
        ResilientChannel resilient = resilient(channel, breaker);

        for (int send = 0; send < 2; send++) {
            assertThatThrownBy(() -> resilient.send(page(), null)).isInstanceOf(ChannelUnavailableException.class);
        }
        int callsWhileClosed = channel.calls;

        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThatThrownBy(() -> resilient.send(page(), null))
                .isInstanceOf(ChannelUnavailableException.class).hasMessageContaining("circuit breaker is open");
        assertThat(channel.calls).isEqualTo(callsWhileClosed);
    }

    private static ResilientChannel resilient(PagingChannel channel, CircuitBreaker breaker) {
        return new ResilientChannel(channel, new ChannelGuard(channel.name(),
                Retry.of("test", ChannelGuard.honouringRetryAfter(CONFIGURED)), breaker, Bulkhead.ofDefaults("test")));
    }

    private static ChannelUnavailableException rateLimited(Duration retryAfter) {
        return new ChannelUnavailableException("chat.postMessage failed: HTTP 429 (rate limited)", retryAfter, null);
    }

    private static ChannelUnavailableException serverError() {
        return new ChannelUnavailableException("chat.postMessage failed: HTTP 500", null, null);
    }

    private static Page page() {
        return new Page("page-1", "inc-1", 42, "Checkout latency high", Severity.CRITICAL, "checkout-api",
                "Checkout API", 1,
                "http://localhost:8082/incidents/inc-1", new PageTarget("alex", "Alex Rivera", null, "U0DEMO0001"), null,
                List.of());
    }

    /** Fails with the scripted exceptions in order; a null entry (or the end of the script) takes the page. */
    private static final class ScriptedChannel implements PagingChannel {

        private final List<RuntimeException> steps;
        private int calls;

        ScriptedChannel(RuntimeException... steps) {
            this.steps = Arrays.asList(steps);
        }

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public SentPage send(Page page, String address) {
            RuntimeException failure = calls < steps.size() ? steps.get(calls) : null;
            calls++;
            if (failure != null) {
                throw failure;
            }
            return SENT;
        }

        @Override
        public void update(Page page, SentPage sent, PageState state) {
            send(page, null);
        }
    }
}
