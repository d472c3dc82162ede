package io.oncallhq.consumerlag;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.ToLongFunction;

/**
 * The lag of each consumer group on each topic it reads, as the gauges {@value #LAG} (records behind, summed over the
 * topic's partitions) and {@value #LARGEST_PARTITION_LAG} (the partition furthest behind), tagged {@code group} and
 * {@code topic}. Asked from the broker every {@code interval} on a thread of its own, so no caller ever waits for
 * Kafka. Each gauge shows the last reading, or NaN while the broker cannot be asked (and before the first reading):
 * never an old figure that looks current.
 */
final class ConsumerLagGauges implements SmartLifecycle, AutoCloseable {

    static final String LAG = "oncallhq.consumer.lag";
    static final String LARGEST_PARTITION_LAG = "oncallhq.consumer.lag.partition.max";

    private static final Logger log = LoggerFactory.getLogger(ConsumerLagGauges.class);

    private final Set<ConsumerGroupTopic> watched;
    private final String bootstrapServers;
    private final ConsumerLagProperties properties;
    private volatile Map<ConsumerGroupTopic, Lag> lastReading = Map.of();
    private ScheduledExecutorService executor;
    private BrokerOffsets broker;
    private boolean brokerAnswered = true;

    ConsumerLagGauges(Set<ConsumerGroupTopic> watched, String bootstrapServers, ConsumerLagProperties properties,
                      MeterRegistry registry) {
        this.watched = Set.copyOf(watched);
        this.bootstrapServers = bootstrapServers;
        this.properties = properties;
        for (ConsumerGroupTopic read : this.watched) {
            register(registry, LAG, read, Lag::total, "records the consumer group has still to read on the topic");
            register(registry, LARGEST_PARTITION_LAG, read, Lag::largestPartition,
                    "records the consumer group has still to read on its partition of the topic furthest behind");
        }
    }

    private void register(MeterRegistry registry, String name, ConsumerGroupTopic read, ToLongFunction<Lag> figure,
                          String description) {
        Gauge.builder(name, this, gauges -> gauges.figure(read, figure))
                .tags("group", read.group(), "topic", read.topic())
                .description(description)
                .register(registry);
    }

    private double figure(ConsumerGroupTopic read, ToLongFunction<Lag> figure) {
        Lag lag = lastReading.get(read);
        return lag == null ? Double.NaN : figure.applyAsLong(lag);
    }

    void refresh() {
        try {
            publish(broker.lag(watched));
            if (!brokerAnswered) {
                log.info("The broker answers again: consumer lag is reported");
                brokerAnswered = true;
            }
        } catch (ExecutionException | TimeoutException e) {
            publish(Map.of());
            if (brokerAnswered) {
                log.warn("Cannot read consumer lag from the broker; the lag gauges show NaN until it answers: {}",
                        e instanceof ExecutionException ? String.valueOf(e.getCause())
                                : "no answer within " + properties.timeout().toMillis() + " ms");
                brokerAnswered = false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            publish(Map.of());
            log.warn("Could not read consumer lag; the lag gauges show NaN", e);
        }
    }

    /** Synchronized with {@link #stop()}, so that a reading finishing during the stop cannot outlive it. */
    private synchronized void publish(Map<ConsumerGroupTopic, Lag> reading) {
        if (isRunning()) {
            lastReading = Map.copyOf(reading);
        }
    }

    @Override
    public synchronized void start() {
        if (watched.isEmpty() || isRunning()) {
            return;
        }
        broker = new BrokerOffsets(bootstrapServers, properties.timeout());
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("consumer-lag").daemon()
                .factory());
        executor.scheduleWithFixedDelay(this::refresh, 0, properties.interval().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Interrupts a reading in progress and closes the admin client without waiting for the broker. */
    @Override
    public synchronized void stop() {
        if (!isRunning()) {
            return;
        }
        executor.shutdownNow();
        broker.close();
        lastReading = Map.of();
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null && !executor.isShutdown();
    }

    /** Also on a context whose refresh failed after the start, where no lifecycle stop comes. */
    @Override
    public void close() {
        stop();
    }
}
