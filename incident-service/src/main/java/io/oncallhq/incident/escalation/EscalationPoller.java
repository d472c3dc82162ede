package io.oncallhq.incident.escalation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Polls for due timers on one background thread while the application runs, and now and then stores timers
 * that a crash between two writes left out. Stops before the context closes its MongoDB client.
 */
@Component
class EscalationPoller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EscalationPoller.class);

    private final FiringEscalationTimers firing;
    private final EscalationProperties properties;
    private ScheduledExecutorService executor;

    EscalationPoller(FiringEscalationTimers firing, EscalationProperties properties) {
        this.firing = firing;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("escalation-timers").daemon()
                .factory());
        executor.scheduleWithFixedDelay(() -> guarded(firing::fireDue), 0,
                properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(() -> guarded(firing::repairMissingTimers), 0,
                properties.repairInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    private static void guarded(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            // the next run tries again; a timer claimed but not finished is taken over when its lease expires
            log.warn("Escalation timer run failed: {}", e.toString());
        }
    }
}
