package io.oncallhq.bench;

import io.oncallhq.localruntime.Ports;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The real Prometheus Alertmanager (Debian's {@code prometheus-alertmanager}), as the yardstick for ingest: it is
 * started with one receiver that sends nowhere, so its {@code POST /api/v2/alerts} measures its own intake only.
 */
final class AlertmanagerProcess implements AutoCloseable {

    static final Path BINARY = Path.of(System.getenv().getOrDefault("ALERTMANAGER_BINARY", "/usr/bin/prometheus-alertmanager"));

    private final Process process;
    final String baseUrl;

    AlertmanagerProcess() throws IOException, InterruptedException {
        Path workDir = Files.createTempDirectory("oncallhq-bench-alertmanager");
        Path config = workDir.resolve("alertmanager.yml");
        Files.writeString(config, """
                route:
                  receiver: nowhere
                receivers:
                  - name: nowhere
                """);
        int port = Ports.free();
        baseUrl = "http://127.0.0.1:" + port;
        process = new ProcessBuilder(BINARY.toString(),
                "--config.file=" + config,
                "--storage.path=" + workDir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address=") // no clustering, no gossip port
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("alertmanager.log").toFile())
                .start();
        awaitReady();
    }

    static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    private void awaitReady() throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/-/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        close();
        throw new IllegalStateException("Alertmanager did not become ready on " + baseUrl);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
