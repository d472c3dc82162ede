package io.oncallhq.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/** A fixed number of concurrent senders, each sending one request after the other for a fixed time. */
final class LoadRun {

    /** One request: how many alerts it carried when it was accepted, or -1 when it was refused. */
    @FunctionalInterface
    interface Request {
        int send(int client, int sequence) throws Exception;
    }

    final Latencies latencies = new Latencies();
    final AtomicLong acceptedAlerts = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    private double seconds;

    static LoadRun run(int clients, Duration duration, Request request) throws Exception {
        LoadRun run = new LoadRun();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                running.add(senders.submit(() -> run.send(client, end, request)));
            }
            for (Future<?> future : running) {
                future.get();
            }
        }
        run.seconds = (System.nanoTime() - start) / 1e9;
        return run;
    }

    private Void send(int client, long end, Request request) throws Exception {
        int sequence = 0;
        while (System.nanoTime() < end) {
            long start = System.nanoTime();
            int alerts = request.send(client, sequence++);
            if (alerts >= 0) {
                latencies.add(System.nanoTime() - start);
                acceptedAlerts.addAndGet(alerts);
            } else {
                refused.incrementAndGet();
            }
        }
        return null;
    }

    double alertsPerSecond() {
        return acceptedAlerts.get() / seconds;
    }

    String line(String name) {
        return String.format("%-44s %8.0f alerts/s   request %s   refused %d", name, alertsPerSecond(),
                latencies.summary(), refused.get());
    }
}
