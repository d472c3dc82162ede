package io.oncallhq.ingest;

import io.oncallhq.contracts.Topics;
import io.oncallhq.localruntime.EventTopics;
import io.oncallhq.localruntime.LocalKafka;
import io.oncallhq.localruntime.LocalMongo;
import io.oncallhq.localruntime.Ports;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Its own context with its own real broker (KRaft, data on disk, fixed port), which the test stops and starts
 * again, so the service meets the usual outage: the broker goes away while the service runs, and comes back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ingest.demo.seed=true",
        "ingest.demo.integration-key=" + BrokerDownIT.DEMO_KEY,
        "ingest.retry-after=7s",
        "spring.kafka.producer.properties.max.block.ms=2000",
        "spring.kafka.producer.properties.delivery.timeout.ms=2000",
        "spring.kafka.producer.properties.request.timeout.ms=1500"})
class BrokerDownIT {

    static final String DEMO_KEY = "broker-down-demo-key-0123456789abc";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LocalMongo MONGO = LocalMongo.start(null, 0);
    private static final Path KAFKA_DIR = temporaryDirectory();
    private static final int KAFKA_PORT = Ports.free();
    private static LocalKafka broker = startBrokerWithAlertsTopic();

    @DynamicPropertySource
    static void ownBrokerAndMongo(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> broker.bootstrapServers());
        registry.add("spring.mongodb.uri", () -> MONGO.connectionString("alert_ingest"));
    }

    @AfterAll
    static void stop() {
        broker.close();
        MONGO.close();
    }

    @LocalServerPort
    int port;

    @Test
    void whileTheBrokerIsDownSendersAreToldToRetryAndEveryAcceptedAlertIsOnKafkaExactlyOnce() throws Exception {
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            accepted.add(acceptedEventId(send("before " + i)));
        }

        broker.close();
        HttpResponse<String> refused = send("during the outage");

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        HttpResponse<String> refusedChange = sendChange();
        assertThat(refusedChange.statusCode()).as("a change event, in PagerDuty's shape").isEqualTo(503);
        assertThat(refusedChange.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(JSON.readTree(refusedChange.body()).path("status").asString()).isEqualTo("unavailable");

        broker = LocalKafka.start(KAFKA_DIR, KAFKA_PORT);
        // The producer reconnects by itself; until it has, answers are 503 and those alerts were not accepted.
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> {
            HttpResponse<String> response = send("after the outage");
            if (response.statusCode() == 202) {
                accepted.add(acceptedEventId(response));
                return true;
            }
            return false;
        });
        for (int i = 0; i < 3; i++) {
            accepted.add(acceptedEventId(send("after " + i)));
        }

        Map<String, Long> onKafka;
        try (EventTopics topics = new EventTopics(broker.bootstrapServers(), "broker-down-it")) {
            onKafka = topics.readAll(Topics.ALERTS).stream()
                    .map(record -> EventTopics.header(record, "ce_id").orElseThrow())
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        }
        assertThat(accepted).hasSize(7).allSatisfy(eventId -> assertThat(onKafka).containsEntry(eventId, 1L));
    }

    private static String acceptedEventId(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body()).path("eventId").asString();
    }

    private HttpResponse<String> send(String summary) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/integrations/" + DEMO_KEY + "/generic"))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)) // far above the configured bound; a hang fails the test here
                .POST(HttpRequest.BodyPublishers.ofString("{\"summary\":\"Checkout down " + summary + "\",\"severity\":\"critical\"}"))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> sendChange() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v2/change/enqueue"))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"routing_key\":\"" + DEMO_KEY + "\",\"payload\":{\"summary\":\"Deployed during the outage\"}}"))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static LocalKafka startBrokerWithAlertsTopic() {
        LocalKafka started = LocalKafka.start(KAFKA_DIR, KAFKA_PORT);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, started.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(Topics.ALERTS, 1, (short) 1))).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create the alerts topic", e);
        }
        return started;
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("broker-down-it-kafka");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
