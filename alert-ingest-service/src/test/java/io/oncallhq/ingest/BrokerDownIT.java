package io.oncallhq.ingest;

import io.oncallhq.contracts.Topics;
import io.oncallhq.localruntime.LocalMongo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Its own context with its own broker, which the test stops, so the service meets a closed port after it has
 * bound (the usual outage: the broker goes away while the service runs). The shared embedded broker stays up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ingest.demo.seed=true",
        "ingest.demo.integration-key=" + BrokerDownIT.DEMO_KEY,
        "ingest.retry-after=7s",
        "spring.cloud.stream.kafka.binder.producer-properties.max.block.ms=2000",
        "spring.cloud.stream.kafka.binder.producer-properties.delivery.timeout.ms=2000",
        "spring.cloud.stream.kafka.binder.producer-properties.request.timeout.ms=1500"})
class BrokerDownIT {

    static final String DEMO_KEY = "broker-down-demo-key-0123456789abc";
    private static final LocalMongo MONGO = LocalMongo.start(null, 0);
    private static final EmbeddedKafkaKraftBroker DOOMED_BROKER = new EmbeddedKafkaKraftBroker(1, 1, Topics.ALERTS);

    static {
        DOOMED_BROKER.afterPropertiesSet();
    }

    @DynamicPropertySource
    static void ownBrokerAndMongo(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.stream.kafka.binder.brokers", DOOMED_BROKER::getBrokersAsString);
        registry.add("spring.mongodb.uri", () -> MONGO.connectionString("alert_ingest"));
    }

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    @LocalServerPort
    int port;

    @Test
    void anUnreachableBrokerMeansServiceUnavailableWithRetryAfterRatherThanAHang() throws Exception {
        assertThat(send().statusCode()).isEqualTo(202); // bound and working
        DOOMED_BROKER.destroy();

        HttpResponse<String> response = send();

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    private HttpResponse<String> send() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/integrations/" + DEMO_KEY + "/generic"))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)) // far above the configured bound; a hang fails the test here
                .POST(HttpRequest.BodyPublishers.ofString("{\"summary\":\"Checkout down\",\"severity\":\"critical\"}"))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
