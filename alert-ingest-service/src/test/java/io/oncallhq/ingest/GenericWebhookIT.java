package io.oncallhq.ingest;

import io.oncallhq.contracts.Topics;
import io.oncallhq.localruntime.LocalMongo;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
        "ingest.demo.seed=true",
        "ingest.demo.integration-key=" + GenericWebhookIT.DEMO_KEY})
@EmbeddedKafka(partitions = 2, topics = Topics.ALERTS)
// spring-kafka 4 embeds a real KRaft broker (the only mode it has, hence no kraft attribute).
class GenericWebhookIT {

    static final String DEMO_KEY = "it-demo-key-0123456789abcdefghijkl";
    private static final LocalMongo MONGO = LocalMongo.start(null, 0);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MONGO.connectionString("alert_ingest"));
    }

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    @LocalServerPort
    int port;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @Autowired
    MongoTemplate mongo;

    private final HttpClient http = HttpClient.newHttpClient();
    private AlertsTopic alerts;
    private Map<TopicPartition, Long> before;

    @BeforeEach
    void snapshotTheTopic() {
        alerts = new AlertsTopic(brokers);
        before = alerts.endOffsets();
    }

    @AfterEach
    void closeConsumer() {
        alerts.close();
    }

    @Test
    void aTriggeredAlertIsAcceptedOnlyOnceItIsOnTheAlertsTopic() throws Exception {
        HttpResponse<String> response = post(DEMO_KEY, "application/json", """
                {"summary":"Checkout latency above 2s","severity":"CRITICAL","dedupKey":"checkout-latency",
                 "source":"checkout-api-7f9c","labels":{"region":"eu-west-1"},"details":{"p99_ms":2350},
                 "links":[{"href":"https://grafana.example.com/d/checkout","text":"Dashboard"}],
                 "startedAt":"2026-11-22T09:15:00+01:00"}""");

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("status").asString()).isEqualTo("accepted");
        assertThat(body.get("dedupKey").asString()).isEqualTo("checkout-latency");

        List<ConsumerRecord<String, byte[]>> records = alerts.recordsSince(before);
        assertThat(records).hasSize(1);
        ConsumerRecord<String, byte[]> record = records.getFirst();
        assertThat(record.key()).isEqualTo("checkout-api");
        assertThat(header(record, "ce_type")).isEqualTo("alert.triggered.v1");
        assertThat(header(record, "ce_id")).isEqualTo(body.get("eventId").asString());
        assertThat(header(record, "ce_subject")).isEqualTo("generic:v1:checkout-latency");
        JsonNode event = JSON.readTree(record.value());
        assertThat(event.get("dedupKey").asString()).isEqualTo("generic:v1:checkout-latency");
        assertThat(event.get("serviceId").asString()).isEqualTo("checkout-api");
        assertThat(event.get("integrationId").asString()).isEqualTo("checkout-api-generic");
        assertThat(event.get("integrationType").asString()).isEqualTo("generic");
        assertThat(event.get("severity").asString()).isEqualTo("critical");
        assertThat(event.get("startedAt").asString()).isEqualTo("2026-11-22T08:15:00Z");
        assertThat(event.get("rawPayload").asString()).contains("Checkout latency above 2s");
    }

    @Test
    void aResolveIsPublishedAsAlertResolvedWithTheComputedDedupKeyWhenNoneWasGiven() throws Exception {
        HttpResponse<String> response = post(DEMO_KEY, "application/json; charset=utf-8",
                "{\"summary\":\"Disk full on db-1\",\"source\":\"db-1\",\"action\":\"resolve\"}");

        assertThat(response.statusCode()).isEqualTo(202);
        String computedKey = JSON.readTree(response.body()).get("dedupKey").asString();
        assertThat(computedKey).matches("[0-9a-f]{64}");
        List<ConsumerRecord<String, byte[]>> records = alerts.recordsSince(before);
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(header(record, "ce_type")).isEqualTo("alert.resolved.v1");
            assertThat(JSON.readTree(record.value()).get("dedupKey").asString()).isEqualTo("generic:v1:" + computedKey);
        });
    }

    @Test
    void invalidFieldsAreAllListedAndNothingIsPublished() throws Exception {
        HttpResponse<String> response = post(DEMO_KEY, "application/json",
                "{\"summary\":\"\",\"severity\":\"fatal\",\"links\":[{\"href\":\"not a url\"}]}");

        assertProblem(response, 400);
        assertThat(JSON.readTree(response.body()).get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("summary", "severity", "links[0].href");
        assertThat(alerts.endOffsets()).isEqualTo(before);
    }

    @Test
    void malformedJsonIsRefusedNamingWhereItBroke() throws Exception {
        HttpResponse<String> response = post(DEMO_KEY, "application/json", "{\"summary\": \"x\",\n \"severity\": }");

        assertProblem(response, 400);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("line").asInt()).isEqualTo(2);
        assertThat(problem.get("detail").asString()).startsWith("Malformed JSON at line 2");
        assertThat(alerts.endOffsets()).isEqualTo(before);
    }

    @Test
    void anUnknownKeyIsUnauthorisedAndNeverEchoed() throws Exception {
        String wrongKey = "not-a-key-of-any-integration";
        HttpResponse<String> response = post(wrongKey, "application/json", "{\"summary\":\"x\",\"severity\":\"info\"}");

        assertProblem(response, 401);
        assertThat(response.body()).doesNotContain(wrongKey);
        assertThat(alerts.endOffsets()).isEqualTo(before);
    }

    @Test
    void anotherContentTypeIsUnsupported() throws Exception {
        HttpResponse<String> response = post(DEMO_KEY, "text/plain", "{\"summary\":\"x\",\"severity\":\"info\"}");

        assertProblem(response, 415);
        assertThat(response.body()).doesNotContain(DEMO_KEY);
        assertThat(alerts.endOffsets()).isEqualTo(before);
    }

    @Test
    void aBodyOverTheLimitIsRefusedByItsDeclaredLength() throws Exception {
        HttpResponse<String> response = post(DEMO_KEY, "application/json", oversizedAlert());

        assertProblem(response, 413);
        assertThat(alerts.endOffsets()).isEqualTo(before);
    }

    @Test
    void aStreamedBodyOverTheLimitIsRefusedWhileReading() throws Exception {
        byte[] body = oversizedAlert().getBytes(StandardCharsets.UTF_8);
        HttpRequest request = request(DEMO_KEY, "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))) // chunked: no length
                .build();

        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertProblem(response, 413);
        assertThat(alerts.endOffsets()).isEqualTo(before);
    }

    @Test
    void theDemoIntegrationStoresOnlyTheHashOfItsKey() {
        Document integration = mongo.findById("checkout-api-generic", Document.class, "integrations");

        assertThat(integration).isNotNull();
        assertThat(integration.getString("serviceId")).isEqualTo("checkout-api");
        assertThat(integration.getList("keyHashes", String.class)).singleElement().asString().matches("[0-9a-f]{64}");
        assertThat(integration.toJson()).doesNotContain(DEMO_KEY);
    }

    @Test
    void theApiIsDocumented() throws Exception {
        HttpResponse<String> docs = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("/integrations/{key}/generic", "GenericAlert");
    }

    private static String oversizedAlert() {
        return "{\"summary\":\"big\",\"severity\":\"info\",\"details\":{\"blob\":\"" + "x".repeat(600 * 1024) + "\"}}";
    }

    private HttpResponse<String> post(String key, String contentType, String body) throws Exception {
        return http.send(request(key, contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String key, String contentType) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/integrations/" + key + "/generic"))
                .header("Content-Type", contentType)
                .timeout(Duration.ofSeconds(30));
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).get("status").asInt()).isEqualTo(status);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
