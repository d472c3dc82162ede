package io.oncallhq.incident.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The response report of the trailing {@code window} as Micrometer gauges, refreshed every {@code refresh}:
 * {@code oncallhq.incidents.time.to.acknowledge} and {@code ...time.to.resolve} (seconds; tags {@code service} or
 * {@code team}, and {@code quantile} 0.5 or 0.9), {@code oncallhq.responder.pages} and {@code oncallhq.responder.pages.outside.working.hours}
 * (tag {@code responder}). Each replica reports the same figures: they come from the shared database.
 */
@Component
@EnableConfigurationProperties(ResponseGauges.Properties.class)
class ResponseGauges implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ResponseGauges.class);

    /** Defaults: the last 7 days, refreshed every minute. */
    @ConfigurationProperties("incident.metrics")
    record Properties(Duration window, Duration refresh) {

        Properties {
            window = window == null ? Duration.ofDays(7) : window;
            refresh = refresh == null ? Duration.ofMinutes(1) : refresh;
        }
    }

    private final MeasuringResponse measuring;
    private final Properties properties;
    private final Clock clock;
    private final MultiGauge acknowledge;
    private final MultiGauge resolve;
    private final MultiGauge pages;
    private final MultiGauge outsideWorkingHours;
    private ScheduledExecutorService executor;

    ResponseGauges(MeasuringResponse measuring, Properties properties, Clock clock, MeterRegistry registry) {
        this.measuring = measuring;
        this.properties = properties;
        this.clock = clock;
        acknowledge = MultiGauge.builder("oncallhq.incidents.time.to.acknowledge").baseUnit("seconds").register(registry);
        resolve = MultiGauge.builder("oncallhq.incidents.time.to.resolve").baseUnit("seconds").register(registry);
        pages = MultiGauge.builder("oncallhq.responder.pages").register(registry);
        outsideWorkingHours = MultiGauge.builder("oncallhq.responder.pages.outside.working.hours").register(registry);
    }

    void refresh() {
        Instant now = clock.instant();
        ResponseReport report = measuring.report(now.minus(properties.window()), now, null, null);
        List<MultiGauge.Row<?>> acknowledged = new ArrayList<>();
        List<MultiGauge.Row<?>> resolved = new ArrayList<>();
        addGroups(report.services(), "service", acknowledged, resolved);
        addGroups(report.teams(), "team", acknowledged, resolved);
        acknowledge.register(acknowledged, true);
        resolve.register(resolved, true);
        pages.register(report.responders().stream().<MultiGauge.Row<?>>map(responder ->
                MultiGauge.Row.of(Tags.of("responder", responder.responderId()), responder.pages())).toList(), true);
        outsideWorkingHours.register(report.responders().stream().<MultiGauge.Row<?>>map(responder ->
                MultiGauge.Row.of(Tags.of("responder", responder.responderId()), responder.outsideWorkingHours()))
                .toList(), true);
    }

    private static void addGroups(List<ResponseReport.Group> groups, String tag, List<MultiGauge.Row<?>> acknowledged,
                                  List<MultiGauge.Row<?>> resolved) {
        for (ResponseReport.Group group : groups) {
            addQuantiles(acknowledged, Tags.of(tag, group.id()), group.timeToAcknowledge());
            addQuantiles(resolved, Tags.of(tag, group.id()), group.timeToResolve());
        }
    }

    private static void addQuantiles(List<MultiGauge.Row<?>> rows, Tags tags, Percentiles percentiles) {
        if (percentiles.count() > 0) {
            rows.add(MultiGauge.Row.of(tags.and("quantile", "0.5"), percentiles.p50().toMillis() / 1000.0));
            rows.add(MultiGauge.Row.of(tags.and("quantile", "0.9"), percentiles.p90().toMillis() / 1000.0));
        }
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("response-gauges").daemon()
                .factory());
        executor.scheduleWithFixedDelay(this::refreshLogged, 0, properties.refresh().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void refreshLogged() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("Could not refresh the response gauges; keeping the last figures", e);
        }
    }

    @Override
    public void stop() {
        executor.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return executor != null && !executor.isShutdown();
    }
}
