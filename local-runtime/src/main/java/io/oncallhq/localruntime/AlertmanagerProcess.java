package io.oncallhq.localruntime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The real Prometheus Alertmanager (Debian's {@code prometheus-alertmanager}) as a child process, for tests and
 * benchmarks: on a free local port, without clustering, its data and log in a fresh temporary folder.
 *
 * <p>What it does to a webhook matters to a test: every notification carries all alerts of the group, and a
 * notification that is not answered 2xx within its deadline (10 s here) is sent again, so a receiver can see an
 * alert more than once. {@link #webhookRequests()} tells how many requests it made.
 */
public final class AlertmanagerProcess implements AutoCloseable {

    public static final Path BINARY = Path.of(System.getenv().getOrDefault("ALERTMANAGER_BINARY", "/usr/bin/prometheus-alertmanager"));
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newHttpClient();
    private final Process process;
    private final String baseUrl;

    private AlertmanagerProcess(String config) throws IOException {
        Path workDir = Files.createTempDirectory("alertmanager");
        Path configFile = workDir.resolve("alertmanager.yml");
        Files.writeString(configFile, config);
        int port = Ports.free();
        baseUrl = "http://" + Ports.HOST + ":" + port;
        process = new ProcessBuilder(BINARY.toString(),
                "--config.file=" + configFile,
                "--storage.path=" + workDir.resolve("data"),
                "--web.listen-address=" + Ports.HOST + ":" + port,
                "--cluster.listen-address=") // empty: no clustering, no gossip port
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("alertmanager.log").toFile())
                .start();
        awaitReady();
    }

    public static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /**
     * Routes every alert to one webhook receiver (resolved alerts too), grouped by {@code alertname}: a new group is
     * notified after 1 s, a changed one 1 s after its last notification.
     */
    public static AlertmanagerProcess notifying(String webhookUrl) throws IOException {
        return new AlertmanagerProcess("""
                route:
                  receiver: webhook
                  group_by: ['alertname']
                  group_wait: 1s
                  group_interval: 1s
                  repeat_interval: 1h
                receivers:
                  - name: webhook
                    webhook_configs:
                      - url: %s
                        send_resolved: true
                """.formatted(webhookUrl));
    }

    /** One receiver that sends nowhere, so that {@code POST /api/v2/alerts} costs its intake alone. */
    public static AlertmanagerProcess notifyingNobody() throws IOException {
        return new AlertmanagerProcess("""
                route:
                  receiver: nowhere
                receivers:
                  - name: nowhere
                """);
    }

    public String baseUrl() {
        return baseUrl;
    }

    /**
     * Fires one alert per instance, all of one {@code alertname}, as Prometheus does. They start when Alertmanager
     * takes them: an alert that started longer than {@code group_wait} ago makes a new group notify at once, possibly
     * before the request's other alerts have joined it.
     */
    public void fire(String alertname, List<String> instances) {
        post(alertname, instances, null);
    }

    /** Resolves the alerts of {@link #fire}, ended a second ago. */
    public void resolve(String alertname, List<String> instances) {
        post(alertname, instances, Instant.now().minusSeconds(1));
    }

    private void post(String alertname, List<String> instances, Instant endsAt) {
        String alerts = instances.stream().map(instance -> """
                {"labels":{"alertname":"%s","instance":"%s","severity":"critical"},
                 "annotations":{"summary":"%s on %s"},%s
                 "generatorURL":"http://prometheus.example.com/graph"}"""
                .formatted(alertname, instance, alertname, instance, endsAt == null ? "" : "\"endsAt\":\"" + endsAt + "\","))
                .collect(Collectors.joining(",", "[", "]"));
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v2/alerts"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(alerts)).build());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("Alertmanager refused the alerts: " + answer.statusCode() + " " + answer.body());
        }
    }

    /**
     * Webhook requests made so far, each retry counted, once finished (answered, failed or timed out): its metric
     * {@code alertmanager_notification_requests_total}.
     */
    public int webhookRequests() {
        return webhookMetric("alertmanager_notification_requests_total");
    }

    /**
     * Notifications that reached their webhook: requests answered 2xx, each of which ends its notification's retries.
     * Once a group's state is delivered, Alertmanager sends it no more.
     */
    public int deliveredNotifications() {
        return webhookRequests() - webhookMetric("alertmanager_notification_requests_failed_total");
    }

    private int webhookMetric(String name) {
        return (int) send(HttpRequest.newBuilder(URI.create(baseUrl + "/metrics")).build()).body().lines()
                .filter(line -> line.startsWith(name + "{") && line.contains("integration=\"webhook\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                if (ready()) {
                    return;
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close();
        throw new IllegalStateException("Alertmanager did not become ready on " + baseUrl + " within " + READY_TIMEOUT);
    }

    private boolean ready() throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/-/ready")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
