package io.oncallhq.ingest;

import io.oncallhq.localruntime.LocalMongo;
import io.oncallhq.localruntime.Ports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.StringJoiner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service started while no broker answers (a restart during an outage): the producer has no metadata, so every
 * send would wait {@code max.block.ms} for it. A batch must still be refused within about one such wait, not one
 * per alert.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ingest.demo.seed=true",
        "ingest.demo.integration-key=" + BrokerUnreachableAtStartIT.DEMO_KEY,
        "spring.kafka.producer.properties.max.block.ms=2000",
        "spring.kafka.producer.properties.delivery.timeout.ms=2000",
        "spring.kafka.producer.properties.request.timeout.ms=1500"})
class BrokerUnreachableAtStartIT {

    static final String DEMO_KEY = "unreachable-demo-key-0123456789ab";
    private static final LocalMongo MONGO = LocalMongo.start(null, 0);
    private static final int ALERTS = 30;

    @DynamicPropertySource
    static void noBrokerAndOwnMongo(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> "localhost:" + Ports.free());
        registry.add("spring.mongodb.uri", () -> MONGO.connectionString("alert_ingest"));
    }

    @AfterAll
    static void stop() {
        MONGO.close();
    }

    @LocalServerPort
    int port;

    @Test
    void aBatchIsRefusedWithRetryAfterRatherThanWaitingForTheBrokerOncePerAlert() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/integrations/" + DEMO_KEY + "/alertmanager"))
                .header("Content-Type", "application/json")
                // One wait per alert would be 30 × 2 s; a hang or that fails the test here.
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(firingBatch()))
                .build();

        HttpResponse<String> refused = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    }

    private static String firingBatch() {
        StringJoiner alerts = new StringJoiner(",");
        for (int i = 0; i < ALERTS; i++) {
            alerts.add("""
                    {"status":"firing","labels":{"alertname":"DiskFull","instance":"db-%d","severity":"critical"},\
                    "annotations":{"summary":"Disk full on db-%d"},"startsAt":"2026-12-01T10:00:00Z",\
                    "endsAt":"0001-01-01T00:00:00Z","generatorURL":"http://prometheus:9090/graph","fingerprint":"%016x"}"""
                    .formatted(i, i, i));
        }
        return """
                {"version":"4","groupKey":"{}:{alertname=\\"DiskFull\\"}","truncatedAlerts":0,"status":"firing",\
                "receiver":"oncallhq","groupLabels":{"alertname":"DiskFull"},"commonLabels":{"alertname":"DiskFull"},\
                "commonAnnotations":{},"externalURL":"http://alertmanager:9093","alerts":[%s]}""".formatted(alerts);
    }
}
