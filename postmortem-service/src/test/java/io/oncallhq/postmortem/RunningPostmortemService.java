package io.oncallhq.postmortem;

import io.oncallhq.apisecurity.TestOidcIssuer;
import io.oncallhq.apisecurity.TestTokens;
import io.oncallhq.contracts.Topics;
import io.oncallhq.contracts.cloudevents.CloudEventCodec;
import io.oncallhq.localruntime.LocalMongo;
import io.oncallhq.localruntime.MovableClock;
import io.oncallhq.postmortem.RecordedIncident.Recorded;
import io.oncallhq.standins.IncidentServiceStandIn;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.messaging.Message;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * The service on a real KRaft broker and an in-memory MongoDB-wire server, driven through Kafka and HTTP. Every
 * integration test of the module extends this class and declares nothing that changes the context (properties,
 * beans, mocks, topics), so that they all share one Spring context, one broker and one database (which the JVM's end
 * closes). Each test makes its own incidents and services, and its own team wherever it changes one (the stand-in's
 * {@code payments} team is only read), and expects nothing of what others left behind.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
        "spring.cloud.stream.kafka.binder.consumer-properties.metadata.max.age.ms=1000",
        "postmortem.team-lookup-timeout=PT1S",
        "postmortem.public-url=http://postmortems.test",
        "postmortem.overdue-check-interval=PT1H"})
@EmbeddedKafka(topics = {Topics.INCIDENTS, "incidents.dlq", Topics.CHANGES, "changes.dlq", Topics.POSTMORTEMS},
        partitions = 1)
@Import(RunningPostmortemService.TestClock.class)
public abstract class RunningPostmortemService {

    protected static final Duration PATIENCE = Duration.ofSeconds(30);
    protected static final JsonMapper JSON = JsonMapper.builder().build();
    protected static final CloudEventCodec INCIDENT_SERVICE = new CloudEventCodec("incident-service");
    protected static final CloudEventCodec ALERT_INGEST = new CloudEventCodec("alert-ingest-service");
    private static final LocalMongo MONGO = LocalMongo.start(null, 0);
    protected static final IncidentServiceStandIn INCIDENT_SERVICE_TEAMS =
            new IncidentServiceStandIn(TestTokens.SERVICE).team("payments", "alex", "sam", "rita");
    /** People sign in with it as with any OIDC provider; their JWTs are accepted beside the static tokens. */
    protected static final TestOidcIssuer OIDC = TestOidcIssuer.start();

    @DynamicPropertySource
    static void mongoIncidentServiceAndTokens(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MONGO.connectionString("postmortems"));
        registry.add("postmortem.incident-service-url", INCIDENT_SERVICE_TEAMS::url);
        TestTokens.register(registry);
        TestTokens.registerResponders(registry, "alex", "sam", "rita", "kim", "lee");
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", OIDC::uri);
    }

    @Autowired
    protected EmbeddedKafkaBroker broker;
    @Autowired
    protected MongoTemplate mongo;
    @Autowired
    protected MovableClock clock;
    @LocalServerPort
    protected int port;

    protected RestClient http;

    @BeforeEach
    protected void client() {
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.ADMIN).build();
    }

    /** A test that moved the clock leaves it there: each one starts at the present. */
    @BeforeEach
    protected void clockAtThePresent() {
        clock.set(Instant.now());
    }

    protected JsonNode awaitPostmortem(String incidentId, Predicate<JsonNode> ready) {
        AtomicReference<JsonNode> found = new AtomicReference<>();
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonNode list = http.get().uri("/postmortems?incidentId={id}", incidentId).retrieve().body(JsonNode.class);
            if (list.size() > 1) {
                throw new AssertionError("more than one post-mortem for " + incidentId + ": " + list);
            }
            if (list.size() == 1 && ready.test(list.get(0))) {
                found.set(list.get(0));
                return true;
            }
            return false;
        });
        return found.get();
    }

    protected static List<String> texts(JsonNode postmortem) {
        return postmortem.get("timeline").valueStream().map(entry -> entry.get("text").asString()).toList();
    }

    protected void publish(Recorded recorded) {
        Message<byte[]> message = INCIDENT_SERVICE.toMessage(recorded.event(), recorded.id(), recorded.event().occurredAt());
        send(Topics.INCIDENTS, message, message.getPayload());
    }

    /** As alert-ingest does; every topic has one partition, so records are handled in the order they are sent. */
    protected void publishChange(RecordedChange.Recorded change) {
        Message<byte[]> message = ALERT_INGEST.toMessage(change.event(), change.id(), change.event().receivedAt());
        send(Topics.CHANGES, message, message.getPayload());
    }

    /** As any Kafka client would: the codec's {@code ce_*} headers as UTF-8 bytes, the partition key as the key. */
    protected void send(String topic, Message<byte[]> message, byte[] value) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        try (KafkaProducer<byte[], byte[]> producer =
                     new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic,
                    (byte[]) message.getHeaders().get("kafka_messageKey"), value);
            message.getHeaders().forEach((name, headerValue) -> {
                if (name.startsWith(CloudEventCodec.HEADER_PREFIX)) {
                    record.headers().add(name, headerValue.toString().getBytes(StandardCharsets.UTF_8));
                }
            });
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    /** The record the service dead-lettered on the topic's {@code .dlq} under this key. */
    protected ConsumerRecord<byte[], byte[]> awaitDeadLetter(String topic, String key) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                KafkaTestUtils.consumerProps(broker, "dlq-reader-" + key, false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.deadLetter(topic)));
            AtomicReference<ConsumerRecord<byte[], byte[]>> deadLetter = new AtomicReference<>();
            await().atMost(PATIENCE).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (key.equals(new String(record.key(), StandardCharsets.UTF_8))) {
                        deadLetter.set(record);
                    }
                });
                return deadLetter.get() != null;
            });
            return deadLetter.get();
        }
    }

    /** As the local run's admin token: a system, no responder. */
    protected Answer call(HttpMethod method, String uri, String ifMatch, Object body) {
        return call(method, uri, ifMatch, body, MediaType.APPLICATION_JSON_VALUE);
    }

    protected Answer call(HttpMethod method, String uri, String ifMatch, Object body, String accept) {
        return send(TestTokens.ADMIN, method, uri, ifMatch, body, accept);
    }

    /** As the responder {@code as}, with their personal static token. */
    protected Answer call(String as, HttpMethod method, String uri, String ifMatch, Object body) {
        return send(TestTokens.of(as), method, uri, ifMatch, body, MediaType.APPLICATION_JSON_VALUE);
    }

    /** A JWT from {@link #OIDC} for the responder {@code as}, with the role {@code responder}. */
    protected static String signedInAs(String as) {
        return OIDC.sign(OIDC.claims().subject("oidc-" + as).claim("preferred_username", as)
                .claim("roles", List.of("responder")));
    }

    protected Answer send(String bearerToken, HttpMethod method, String uri, String ifMatch, Object body, String accept) {
        var request = http.method(method).uri(uri).header(HttpHeaders.ACCEPT, accept)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + bearerToken);
        if (ifMatch != null) {
            request = request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.exchange((req, response) -> new Answer(response.getStatusCode().value(), response.getHeaders(),
                new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }

    protected String etagOf(String id) {
        return call(HttpMethod.GET, "/postmortems/" + id, null, null).headers().getETag();
    }

    /** An HTTP answer of any status, body as text. */
    protected record Answer(int status, HttpHeaders headers, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {

        @Bean
        @Primary
        MovableClock testClock() {
            return MovableClock.frozenAt(Instant.now());
        }
    }
}
