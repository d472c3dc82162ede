package io.oncallhq.bench;

import io.oncallhq.contracts.Topics;
import io.oncallhq.localruntime.EventTopics;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * alert-ingest alone (with Kafka and MongoDB): {@code BENCH_CLIENTS} (8) concurrent senders for
 * {@code BENCH_SECONDS} (20) s of single generic alerts, printing alerts/s and latency; then every 202 is checked
 * to be a record on {@code alerts}.
 */
final class IngestThroughput {

    private IngestThroughput() {
    }

    static void run() throws Exception {
        int clients = Integer.parseInt(System.getenv().getOrDefault("BENCH_CLIENTS", "8"));
        Duration duration = Duration.ofSeconds(Long.parseLong(System.getenv().getOrDefault("BENCH_SECONDS", "20")));
        try (BenchSystem bench = new BenchSystem("alert-ingest-service")) {
            warmUp(bench);
            try (EventTopics topics = new EventTopics(bench.system.kafkaBootstrapServers(), "bench")) {
                int before = topics.readAll(Topics.ALERTS).size();
                Latencies latencies = new Latencies();
                AtomicLong rejected = new AtomicLong();
                long start = System.nanoTime();
                long end = start + duration.toNanos();
                try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
                    List<Future<?>> running = new ArrayList<>();
                    for (int c = 0; c < clients; c++) {
                        int client = c;
                        running.add(senders.submit(() -> send(bench, client, end, latencies, rejected)));
                    }
                    for (Future<?> future : running) {
                        future.get();
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                int durable = topics.readAll(Topics.ALERTS).size() - before;
                System.out.println();
                System.out.printf("single generic alerts, %d clients, %.0f s: %.0f alerts/s%n", clients, seconds,
                        latencies.count() / seconds);
                System.out.println("latency of a 202                     " + latencies.summary());
                System.out.printf("accepted %d, rejected %d, records on 'alerts' %d (every 202 durable: %s)%n",
                        latencies.count(), rejected.get(), durable, durable >= latencies.count());
            }
        }
    }

    private static void warmUp(BenchSystem bench) throws Exception {
        for (int i = 0; i < 500; i++) {
            bench.postAlert("/integrations/" + BenchSystem.INTEGRATION_KEY + "/generic", BenchSystem.genericAlert("warm-up", "warm-" + i));
        }
    }

    private static Void send(BenchSystem bench, int client, long end, Latencies latencies, AtomicLong rejected) throws Exception {
        int sent = 0;
        while (System.nanoTime() < end) {
            String json = BenchSystem.genericAlert("Queue depth above threshold", "client-" + client + "-" + (sent++ % 1000));
            long start = System.nanoTime();
            HttpResponse<String> response = bench.postAlert("/integrations/" + BenchSystem.INTEGRATION_KEY + "/generic", json);
            if (response.statusCode() == 202) {
                latencies.add(System.nanoTime() - start);
            } else {
                rejected.incrementAndGet();
            }
        }
        return null;
    }
}
