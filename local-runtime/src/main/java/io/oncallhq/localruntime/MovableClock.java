package io.oncallhq.localruntime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A service's clock bean in tests: real time plus an offset a test moves forward, so "15 minutes later" takes no 15
 * minutes; or, {@link #frozenAt frozen}, a clock that stands still until the test moves it, for checks to the
 * millisecond (the last instant a cached answer is still used, a due date that has just passed).
 */
public final class MovableClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    /** Real time, moved by {@link #advance} and {@link #set}. */
    public MovableClock() {
        this(Clock.systemUTC());
    }

    private MovableClock(Clock base) {
        this.base = base;
    }

    /** Stands at {@code start} until moved. */
    public static MovableClock frozenAt(Instant start) {
        return new MovableClock(Clock.fixed(start, ZoneOffset.UTC));
    }

    public void advance(Duration by) {
        offset.accumulateAndGet(by, Duration::plus);
    }

    /** Moves the clock to {@code instant} (a real-time clock goes on from there). */
    public void set(Instant instant) {
        offset.set(Duration.between(base.instant(), instant));
    }

    /** Back to where it started (real time, or the frozen start), for the next test of a shared context. */
    public void reset() {
        offset.set(Duration.ZERO);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("UTC only");
    }
}
