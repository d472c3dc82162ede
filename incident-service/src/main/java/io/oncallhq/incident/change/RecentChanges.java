package io.oncallhq.incident.change;

import io.oncallhq.contracts.page.RecentChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The recent changes of an incident's service, for its pages and its API answer. A page is worth more than its
 * context: its lookup runs on a small pool of its own and is given up after {@code pageLookupLimit}, so a slow or
 * failing MongoDB makes pages go out without changes instead of late or not at all.
 */
@Component
public class RecentChanges implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RecentChanges.class);

    private final ServiceChanges changes;
    private final RecentChangesProperties properties;
    private final Clock clock;
    // Bounded threads and queue: lookups stuck on a hung connection cannot pile up; a full pool pages without.
    private final ThreadPoolExecutor pageLookups = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(32), Thread.ofPlatform().name("page-changes-", 0).daemon().factory());

    RecentChanges(ServiceChanges changes, RecentChangesProperties properties, Clock clock) {
        this.changes = changes;
        this.properties = properties;
        this.clock = clock;
    }

    /** The latest changes for a page requested now, newest first; empty when they cannot be had in time. */
    public List<RecentChange> forPage(String serviceId, Instant triggeredAt, Instant now) {
        ChangeWindow window = ChangeWindow.forPage(triggeredAt, properties.lookback(), now);
        Future<List<ServiceChange>> lookup;
        try {
            lookup = CompletableFuture.supplyAsync(() -> changes.latest(serviceId, window, properties.onPage(),
                    properties.pageLookupLimit()), pageLookups);
        } catch (RejectedExecutionException busy) {
            log.warn("Paging without recent changes of service {}: too many change lookups pending", serviceId);
            return List.of();
        }
        try {
            return lookup.get(properties.pageLookupLimit().toMillis(), TimeUnit.MILLISECONDS).stream()
                    .map(ServiceChange::onPage).toList();
        } catch (TimeoutException slow) {
            lookup.cancel(true);
            log.warn("Paging without recent changes of service {}: no answer within {}", serviceId,
                    properties.pageLookupLimit());
        } catch (ExecutionException failed) {
            log.warn("Paging without recent changes of service {}: the lookup failed", serviceId, failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        return List.of();
    }

    /** The latest changes for the incident API, newest first. */
    public List<ServiceChange> forIncident(String serviceId, Instant triggeredAt, Instant resolvedAt) {
        ChangeWindow window = ChangeWindow.forIncident(triggeredAt, resolvedAt, properties.lookback(), clock.instant());
        return changes.latest(serviceId, window, properties.onIncident(), properties.pageLookupLimit());
    }

    @Override
    public void close() {
        pageLookups.shutdownNow();
    }
}
