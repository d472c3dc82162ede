package io.oncallhq.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.oncallhq.apisecurity.TestTokens;
import io.oncallhq.contracts.Topics;
import io.oncallhq.contracts.alert.AlertEvent;
import io.oncallhq.contracts.cloudevents.ReceivedEvent;
import io.oncallhq.ingest.integration.Integrations;
import io.oncallhq.localruntime.EventTopics;
import io.oncallhq.localruntime.LocalMongo;
import io.oncallhq.localruntime.MovableClock;
import io.oncallhq.standins.IncidentServiceStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static io.oncallhq.ingest.integration.IntegrationFixtures.genericIntegration;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service against a real (embedded KRaft) broker, an in-memory MongoDB and incident-service's stand-in (its
 * service catalogue knows no service until a test says so), one Spring context shared by every subclass. The demo
 * integration (set up as a generic one) is used on every endpoint; integration {@value #THROTTLED_ID} may send one
 * request a second. The service's clock is {@link #CLOCK}, back at real time before each test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "ingest.demo.seed=true",
        "ingest.demo.integration-key=" + RunningIngestService.DEMO_KEY,
        "ingest.rate-limit.per-integration[" + RunningIngestService.THROTTLED_ID + "]=1",
        // HeartbeatIT runs its own checkers at chosen times; the scheduled one stays out of the way.
        "ingest.heartbeat.check-interval=1h",
        "ingest.incident-service.timeout=15s"})   // the stand-in's first answer is slow on a loaded machine
@EmbeddedKafka(partitions = 2, topics = {Topics.ALERTS, Topics.CHANGES})
// spring-kafka 4 embeds a real KRaft broker (the only mode it has, hence no kraft attribute).
@Import(RunningIngestService.MovableServiceClock.class)
abstract class RunningIngestService {

    static final String DEMO_KEY = "it-demo-key-0123456789abcdefghijkl";
    static final String THROTTLED_ID = "throttled";
    static final String THROTTLED_KEY = "it-throttled-key-0123456789abcdefgh";
    static final JsonMapper JSON = JsonMapper.builder().build();
    /** Shared by every subclass's (cached) context, so it lives as long as the test JVM. */
    static final LocalMongo MONGO = LocalMongo.start(null, 0);
    static final IncidentServiceStandIn INCIDENT_SERVICE = new IncidentServiceStandIn(TestTokens.SERVICE);
    static final MovableClock CLOCK = new MovableClock();

    @TestConfiguration(proxyBeanMethods = false)
    static class MovableServiceClock {

        @Bean
        @Primary
        Clock movableClock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void mongoAndIncidentService(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MONGO.connectionString("alert_ingest"));
        registry.add("ingest.incident-service.url", INCIDENT_SERVICE::url);
        TestTokens.register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    Integrations integrations;
    @Autowired
    MeterRegistry meters;

    String brokers;

    final HttpClient http = HttpClient.newHttpClient();
    EventTopics topics;

    @BeforeEach
    void openTopics() {
        CLOCK.reset();
        // Not the spring.embedded.kafka.brokers system property: BrokerDownIT's own broker overwrites it.
        brokers = broker.getBrokersAsString();
        topics = new EventTopics(brokers, "alert-ingest-it");
        integrations.save(genericIntegration(THROTTLED_ID, "checkout-api", THROTTLED_KEY));
    }

    @AfterEach
    void closeTopics() {
        topics.close();
    }

    /** As an admin: the senders' endpoints ignore the bearer token, the admin API needs it. */
    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + TestTokens.ADMIN);
    }

    HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        HttpRequest request = request(path)
                .header("Content-Type", contentType)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postJson(String path, String body) throws Exception {
        return post(path, "application/json", body);
    }

    HttpResponse<String> put(String path, String json) throws Exception {
        return sendJson("PUT", path, json);
    }

    HttpResponse<String> patch(String path, String json) throws Exception {
        return sendJson("PATCH", path, json);
    }

    private HttpResponse<String> sendJson(String method, String path, String json) throws Exception {
        HttpRequest request = request(path)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.ofString(json))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(String method, String path) throws Exception {
        HttpRequest request = request(path)
                .timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Every alert event on the topic so far. */
    List<ReceivedEvent<AlertEvent>> alertEvents() {
        return topics.events(Topics.ALERTS, AlertEvent.class);
    }

    /** How many records the topic holds; unchanged means nothing was published. */
    int recordCount() {
        return topics.readAll(Topics.ALERTS).size();
    }

    List<ReceivedEvent<AlertEvent>> eventsWithDedupKey(String dedupKey) {
        return alertEvents().stream().filter(event -> event.data().dedupKey().equals(dedupKey)).toList();
    }

    /** The counter's count so far; 0 before anything was counted. */
    double count(String name, String... tags) {
        Counter counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(response).get("status").asInt()).isEqualTo(status);
    }
}
