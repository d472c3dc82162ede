package io.oncallhq.ingest;

import io.oncallhq.contracts.alert.AlertEvent;
import io.oncallhq.contracts.alert.AlertResolved;
import io.oncallhq.contracts.alert.AlertTriggered;
import io.oncallhq.contracts.cloudevents.ReceivedEvent;
import io.oncallhq.ingest.integration.Grouping;
import io.oncallhq.ingest.integration.IntegrationType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static io.oncallhq.ingest.integration.IntegrationFixtures.integration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real Alertmanager (Debian's prometheus-alertmanager; .ci/run installs it) as a child process, with a
 * webhook receiver pointing at this service: what it sends must arrive on {@code alerts} once per alert, the alerts
 * of one of its groups sharing one incident group.
 */
class AlertmanagerBinaryIT extends IngestIT {

    private static final Path BINARY = Path.of("/usr/bin/prometheus-alertmanager");
    private static final String PROMETHEUS_ID = "checkout-api-prometheus";
    private static final String PROMETHEUS_KEY = "it-prometheus-key-0123456789abcdefg";

    @TempDir
    Path workDir;

    @BeforeEach
    void setUpAnAlertmanagerIntegration() {
        integrations.save(integration(PROMETHEUS_ID, "checkout-api", IntegrationType.ALERTMANAGER, Grouping.GROUP, PROMETHEUS_KEY));
    }

    @Test
    void firingThenResolvingOneAlertOfAGroupArrivesOnceEachAndResolvesThatAlertOnly() throws Exception {
        assumeTrue(Files.isExecutable(BINARY), "prometheus-alertmanager is not installed");
        String alertname = "CheckoutLatency" + UUID.randomUUID().toString().replace("-", "");
        int alertmanagerPort = freePort();
        Process alertmanager = start(alertmanagerPort);
        try {
            String base = "http://127.0.0.1:" + alertmanagerPort;
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> http.send(HttpRequest.newBuilder(URI.create(base + "/-/ready")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
            Instant startsAt = Instant.now().minusSeconds(60);

            postAlerts(base, "[" + alert(alertname, "web-a", startsAt, null) + "," + alert(alertname, "web-b", startsAt, null) + "]");

            await().atMost(Duration.ofSeconds(60)).until(() -> triggered(alertname, "web-a").size() == 1
                    && triggered(alertname, "web-b").size() == 1);
            String keyA = triggered(alertname, "web-a").getFirst().data().dedupKey();
            String keyB = triggered(alertname, "web-b").getFirst().data().dedupKey();
            assertThat(keyA).matches("alertmanager:v1:[0-9a-f]{16}").isNotEqualTo(keyB);
            AlertTriggered firingA = (AlertTriggered) triggered(alertname, "web-a").getFirst().data();
            AlertTriggered firingB = (AlertTriggered) triggered(alertname, "web-b").getFirst().data();
            assertThat(firingA.groupKey()).contains(alertname);
            assertThat(firingA.incidentGroup()).as("one Alertmanager group, one incident")
                    .isEqualTo(PROMETHEUS_ID + ":" + firingA.groupKey()).isEqualTo(firingB.incidentGroup());

            postAlerts(base, "[" + alert(alertname, "web-a", startsAt, Instant.now().minusSeconds(1)) + "]");

            await().atMost(Duration.ofSeconds(60)).until(() -> resolved(keyA).size() == 1);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> resolved(keyA).size() == 1);
            assertThat(resolved(keyB)).as("resolving one alert of the group leaves the other open").isEmpty();
            assertThat(triggered(alertname, "web-a")).as("the firing alert was published once").hasSize(1);
        } finally {
            alertmanager.destroy();
            alertmanager.waitFor();
        }
    }

    private Process start(int port) throws Exception {
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
                      - url: http://127.0.0.1:%d/integrations/%s/alertmanager
                        send_resolved: true
                """.formatted(this.port, PROMETHEUS_KEY));
        return new ProcessBuilder(BINARY.toString(),
                "--config.file=" + config,
                "--storage.path=" + workDir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address=") // empty: no clustering, no gossip port
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("alertmanager.log").toFile())
                .start();
    }

    private void postAlerts(String base, String alerts) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v2/alerts"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(alerts)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static String alert(String alertname, String instance, Instant startsAt, Instant endsAt) {
        return """
                {"labels":{"alertname":"%s","instance":"%s","severity":"critical"},
                 "annotations":{"summary":"Checkout latency high on %s"},
                 "startsAt":"%s",%s
                 "generatorURL":"http://prometheus.example.com/graph"}"""
                .formatted(alertname, instance, instance, startsAt, endsAt == null ? "" : "\"endsAt\":\"" + endsAt + "\",");
    }

    private List<ReceivedEvent<AlertEvent>> triggered(String alertname, String instance) {
        Predicate<AlertTriggered> matches = alert -> alert.labels().equals(Map.of("alertname", alertname, "instance", instance,
                "severity", "critical"));
        return alertEvents().stream()
                .filter(event -> event.data() instanceof AlertTriggered alert && matches.test(alert))
                .toList();
    }

    private List<ReceivedEvent<AlertEvent>> resolved(String dedupKey) {
        return eventsWithDedupKey(dedupKey).stream().filter(event -> event.data() instanceof AlertResolved).toList();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
