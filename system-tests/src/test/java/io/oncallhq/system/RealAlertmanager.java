package io.oncallhq.system;

import io.oncallhq.localruntime.Ports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real Alertmanager (Debian's prometheus-alertmanager; .ci/run installs it) as a child process, routing every
 * alert to one webhook receiver grouped by {@code alertname}, notifying a second after a group changes.
 */
final class RealAlertmanager implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/bin/prometheus-alertmanager");

    private final Process process;
    private final String base;

    RealAlertmanager(String webhookUrl) throws IOException {
        Path workDir = Files.createTempDirectory("alertmanager");
        int port = Ports.free();
        Path config = workDir.resolve("alertmanager.yml");
        Files.writeString(config, """
                route:
                  receiver: oncallhq
                  group_by: ['alertname']
                  group_wait: 1s
                  group_interval: 1s
                  repeat_interval: 1h
                receivers:
                  - name: oncallhq
                    webhook_configs:
                      - url: %s
                        send_resolved: true
                """.formatted(webhookUrl));
        process = new ProcessBuilder(BINARY.toString(), "--config.file=" + config,
                "--storage.path=" + workDir.resolve("data"), "--web.listen-address=" + Ports.HOST + ":" + port,
                "--cluster.listen-address=") // empty: no clustering, no gossip port
                .redirectErrorStream(true).redirectOutput(workDir.resolve("alertmanager.log").toFile()).start();
        base = "http://" + Ports.HOST + ":" + port;
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> Http.get(base + "/-/ready").status() == 200);
    }

    /** Fires (or, with {@code endsAt} in the past, resolves) one alert per instance, all of one alertname. */
    void post(String alertname, List<String> instances, Instant startsAt, Instant endsAt) {
        String alerts = instances.stream().map(instance -> """
                {"labels":{"alertname":"%s","instance":"%s","severity":"critical"},
                 "annotations":{"summary":"%s on %s"},"startsAt":"%s",%s
                 "generatorURL":"http://prometheus.example.com/graph"}"""
                .formatted(alertname, instance, alertname, instance, startsAt,
                        endsAt == null ? "" : "\"endsAt\":\"" + endsAt + "\",")).collect(Collectors.joining(",", "[", "]"));
        Http.Response answer = Http.postJson(base + "/api/v2/alerts", alerts);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
