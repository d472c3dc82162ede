package io.oncallhq.bench;

import io.oncallhq.contracts.Topics;
import io.oncallhq.contracts.cloudevents.ReceivedEvent;
import io.oncallhq.contracts.incident.IncidentEvent;
import io.oncallhq.contracts.incident.IncidentTriggered;
import io.oncallhq.contracts.page.PageEvent;
import io.oncallhq.contracts.page.PageRequested;
import io.oncallhq.localruntime.EventTopics;
import io.oncallhq.standins.SlackCall;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * An alert storm on one service with Slack's real pace: {@code BENCH_STORM_ALERTS} (2,000) distinct generic alerts
 * (distinct dedup keys, severity error) to the demo integration, sent by {@code BENCH_CLIENTS} (8) senders as fast as
 * ingest takes them, and once half of them are accepted one critical alert on a second service, added for the run as
 * an operator adds one ({@code POST /oncall-config}, {@code POST /integrations}); both services page the demo
 * responder. Prints the Slack messages the responder got (posted and rewritten in place), the time from the critical
 * alert's 202 to its page's {@code chat.postMessage} (and the part of it after its incident was opened), and the
 * alert-to-incident rate over the first and the last tenth of the storm's incidents.
 * {@code SLACK_CHANNEL_MESSAGE_INTERVAL} (1100ms, Slack's pace) can be overridden.
 */
final class PagingStorm {

    private static final String CRITICAL_SERVICE = "inventory-api";
    private static final Duration PATIENCE = Duration.ofMinutes(Long.parseLong(
            System.getenv().getOrDefault("BENCH_STORM_MINUTES", "30")));

    private PagingStorm() {
    }

    static void run() throws Exception {
        try (BenchSystem bench = new BenchSystem("alert-ingest-service,incident-service,notification-service",
                slackPace())) {
            storm(bench);
        }
    }

    /** The service's environment for Slack's pace: {@code SLACK_CHANNEL_MESSAGE_INTERVAL} (1100ms). */
    static Map<String, String> slackPace() {
        return Map.of("SLACK_CHANNEL_MESSAGE_INTERVAL",
                System.getenv().getOrDefault("SLACK_CHANNEL_MESSAGE_INTERVAL", "1100ms"));
    }

    /** The storm on a running system of at least alert-ingest, incident- and notification-service at Slack's pace. */
    static void storm(BenchSystem bench) throws Exception {
        int alerts = Integer.parseInt(System.getenv().getOrDefault("BENCH_STORM_ALERTS", "2000"));
        int clients = Integer.parseInt(System.getenv().getOrDefault("BENCH_CLIENTS", "8"));
        String stormPath = "/integrations/" + BenchSystem.INTEGRATION_KEY + "/generic";
        try (EventTopics topics = new EventTopics(bench.kafkaBootstrapServers, "bench")) {
            String criticalPath = "/integrations/" + bench.addService(CRITICAL_SERVICE, "Inventory API") + "/generic";
            String run = Long.toString(System.nanoTime(), 36);
            AtomicInteger accepted = new AtomicInteger();
            AtomicInteger next = new AtomicInteger();
            Instant stormStarted = Instant.now();
            ExecutorService senders = Executors.newFixedThreadPool(clients);
            List<Future<?>> sending = IntStream.range(0, clients).<Future<?>>mapToObj(client ->
                    senders.submit(() -> {
                        for (int i = next.getAndIncrement(); i < alerts; i = next.getAndIncrement()) {
                            String dedupKey = "storm-" + run + "-" + i;
                            expect202(bench.postAlert(stormPath, BenchSystem.genericAlert(
                                    "Checkout error rate above 5% (" + i + ")", dedupKey, "error")), dedupKey);
                            accepted.incrementAndGet();
                        }
                        return null;
                    })).toList();
            while (accepted.get() < alerts / 2) {
                Thread.sleep(1);
            }
            String criticalKey = "critical-" + run;
            expect202(bench.postAlert(criticalPath, BenchSystem.genericAlert("Inventory database down " + criticalKey,
                    criticalKey, "critical")), criticalKey);
            Instant criticalAccepted = Instant.now();
            for (Future<?> sender : sending) {
                sender.get();
            }
            senders.shutdown();
            Instant stormAccepted = Instant.now();

            SlackCall criticalPage = awaitPage(bench, criticalKey);
            awaitEveryPageSettled(bench, alerts + 1);
            Instant settled = Instant.now();

            List<IncidentTriggered> opened = topics.events(Topics.INCIDENTS, IncidentEvent.class).stream()
                    .map(ReceivedEvent::data).filter(IncidentTriggered.class::isInstance)
                    .map(IncidentTriggered.class::cast).toList();
            List<Instant> stormIncidents = opened.stream().filter(incident -> incident.serviceId().equals("checkout-api"))
                    .map(IncidentTriggered::occurredAt).sorted().toList();
            Instant criticalOpened = opened.stream().filter(incident -> incident.serviceId().equals(CRITICAL_SERVICE))
                    .map(IncidentTriggered::occurredAt).findFirst().orElseThrow();
            Optional<Instant> criticalRequested = topics.events(Topics.PAGES, PageEvent.class).stream()
                    .map(ReceivedEvent::data).filter(PageRequested.class::isInstance).map(PageRequested.class::cast)
                    .filter(page -> page.serviceId().equals(CRITICAL_SERVICE)).map(PageRequested::requestedAt)
                    .findFirst();
            Instant criticalPosted = criticalPage.at();
            List<SlackCall> posted = bench.slack.calls("chat.postMessage");
            List<SlackCall> rewritten = bench.slack.calls("chat.update");

            System.out.println();
            System.out.printf("storm: %d error alerts on Checkout API accepted in %s by %d senders, plus 1 critical "
                    + "alert on Inventory API after %d; Slack pace %s%n", alerts, seconds(stormStarted, stormAccepted),
                    clients, alerts / 2, System.getenv().getOrDefault("SLACK_CHANNEL_MESSAGE_INTERVAL", "1100ms"));
            System.out.printf("incidents opened: %d on Checkout API, every page settled %s after the first alert%n",
                    stormIncidents.size(), seconds(stormStarted, settled));
            System.out.printf("Slack messages to the responder: %d chat.postMessage (%d of them digests), "
                    + "%d chat.update of a digest in place%n", posted.size(),
                    posted.stream().filter(post -> post.field("blocks").contains("digest_actions")).count(),
                    rewritten.size());
            System.out.printf("critical alert 202 -> its chat.postMessage: %s (202 -> incident opened %s, "
                    + "page requested -> chat.postMessage %s)%n", seconds(criticalAccepted, criticalPosted),
                    seconds(criticalAccepted, criticalOpened),
                    criticalRequested.map(requested -> seconds(requested, criticalPosted)).orElse("n/a"));
            int tenth = Math.max(2, stormIncidents.size() / 10);
            System.out.printf("alert -> incident rate: first %d incidents %s, last %d incidents %s%n", tenth,
                    rate(stormIncidents.subList(0, tenth)), tenth,
                    rate(stormIncidents.subList(stormIncidents.size() - tenth, stormIncidents.size())));
        }
    }

    private static void expect202(HttpSenders.Answer answer, String dedupKey) {
        if (answer.status() != 202) {
            throw new IllegalStateException("alert " + dedupKey + " answered " + answer.status() + ": " + answer.body());
        }
    }

    private static SlackCall awaitPage(BenchSystem bench, String marker) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<SlackCall> page = bench.slack.calls("chat.postMessage").stream()
                    .filter(post -> post.field("text").contains(marker)).findFirst();
            if (page.isPresent()) {
                return page.get();
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("no Slack page for " + marker + " within " + PATIENCE);
    }

    /** Until page-outcomes holds an outcome for every page (none fails in this run). */
    private static void awaitEveryPageSettled(BenchSystem bench, int pages) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (TopicSize.records(bench.kafkaBootstrapServers, Topics.PAGE_OUTCOMES) < pages) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not every page settled within " + PATIENCE);
            }
            Thread.sleep(500);
        }
    }

    private static String rate(List<Instant> opened) {
        double seconds = Duration.between(opened.getFirst(), opened.getLast()).toMillis() / 1000.0;
        return String.format("%.0f/s", (opened.size() - 1) / Math.max(seconds, 0.001));
    }

    private static String seconds(Instant from, Instant to) {
        return String.format("%.1f s", Duration.between(from, to).toMillis() / 1000.0);
    }
}
