package io.oncallhq.postmortem;

import io.oncallhq.contracts.Topics;
import io.oncallhq.contracts.cloudevents.CloudEventCodec;
import io.oncallhq.contracts.incident.IncidentResolved;
import io.oncallhq.localruntime.LocalMongo;
import io.oncallhq.postmortem.RecordedIncident.Recorded;
import io.oncallhq.postmortem.history.IncidentHistories;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.messaging.Message;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import static io.oncallhq.postmortem.RecordedIncident.ALEX;
import static io.oncallhq.postmortem.RecordedIncident.TRIGGERED_AT;
import static io.oncallhq.postmortem.RecordedIncident.lateNote;
import static io.oncallhq.postmortem.RecordedIncident.resolvedCheckoutIncident;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** The service on a real KRaft broker and an in-memory MongoDB-wire server, driven through Kafka and HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
        "spring.cloud.stream.kafka.binder.consumer-properties.metadata.max.age.ms=1000",
        "postmortem.incident-service-url=http://incidents.test"})
@EmbeddedKafka(topics = {Topics.INCIDENTS, "incidents.dlq"}, partitions = 1)
class PostmortemServiceIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final LocalMongo MONGO = LocalMongo.start(null, 0);
    private static final CloudEventCodec INCIDENT_SERVICE = new CloudEventCodec("incident-service");

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MONGO.connectionString("postmortems"));
    }

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    IncidentHistories histories;
    @LocalServerPort
    int port;

    private RestClient http;

    @BeforeEach
    void client() {
        http = RestClient.create("http://localhost:" + port);
    }

    @Test
    void aResolvedIncidentGetsExactlyOneDraftedPostmortem() {
        String incidentId = "inc-" + UUID.randomUUID();
        resolvedCheckoutIncident(incidentId).forEach(this::publish);

        JsonNode draft = awaitPostmortem(incidentId, postmortem -> postmortem.get("timeline").size() == 7);

        assertThat(draft.get("title").asString()).isEqualTo("Post-mortem: #42 Checkout latency above 2s");
        assertThat(draft.get("status").asString()).isEqualTo("draft");
        assertThat(draft.get("incidentNumber").asLong()).isEqualTo(42);
        assertThat(draft.get("incidentUrl").asString()).isEqualTo("http://incidents.test/incidents/" + incidentId);
        assertThat(draft.get("serviceName").asString()).isEqualTo("Checkout API");
        assertThat(draft.get("teamId").asString()).isEqualTo("payments");
        assertThat(draft.get("severity").asString()).isEqualTo("critical");
        assertThat(Instant.parse(draft.get("startedAt").asString())).isEqualTo(TRIGGERED_AT.minusSeconds(120));
        assertThat(draft.get("timeToAcknowledge").get("iso").asString()).isEqualTo("PT6M");
        assertThat(draft.get("timeToResolve").get("seconds").asLong()).isEqualTo(1800);
        assertThat(draft.get("acknowledgedBy").asString()).isEqualTo("Alex Rivera");
        assertThat(draft.get("responders").get(0).get("outcome").asString()).isEqualTo("delivered");
        assertThat(draft.get("alerts").get(0).get("links").get(0).get("href").asString())
                .isEqualTo("https://runbooks.example.com/checkout-latency");
        assertThat(texts(draft)).containsExactly(
                "Incident #42 triggered: Checkout latency above 2s",
                "Alert attached: Checkout latency above 2s (source: checkout-api-7f9c)",
                "Paging Alex Rivera (level 1)",
                "Paged Alex Rivera (level 1) via slack",
                "Acknowledged by Alex Rivera",
                "Note: Rolled back release 2026.11.20-1",
                "Resolved by Alex Rivera");
        assertThat(draft.get("summary").asString()).isEmpty();
        assertThat(draft.get("actionItems").size()).isZero();

        JsonNode byId = http.get().uri("/postmortems/{id}", draft.get("id").asString()).retrieve().body(JsonNode.class);
        assertThat(byId.get("incidentId").asString()).isEqualTo(incidentId);
        assertThat(histories.find(incidentId)).hasValueSatisfying(history ->
                assertThat(history.entries()).hasSize(7));
    }

    @Test
    void aRedeliveredOrSecondResolutionNeverMakesAnotherPostmortem() {
        String incidentId = "inc-" + UUID.randomUUID();
        List<Recorded> events = resolvedCheckoutIncident(incidentId);
        events.forEach(this::publish);
        String postmortemId = awaitPostmortem(incidentId, postmortem -> true).get("id").asString();

        Recorded resolved = events.getLast();
        publish(resolved);
        publish(new Recorded(UUID.randomUUID().toString(),
                new IncidentResolved(incidentId, ALEX, "Resolved again from Slack", TRIGGERED_AT.plusSeconds(29 * 60))));
        publish(lateNote(incidentId, UUID.randomUUID().toString(), 30 * 60)); // processed after both, same partition

        JsonNode refreshed = awaitPostmortem(incidentId, postmortem -> texts(postmortem).contains("Note: Dashboards updated"));

        assertThat(refreshed.get("id").asString()).isEqualTo(postmortemId);
        assertThat(texts(refreshed)).filteredOn(text -> text.startsWith("Resolved")).containsExactly(
                "Resolved by Alex Rivera", "Resolved by Alex Rivera: Resolved again from Slack");
        assertThat(refreshed.get("timeToResolve").get("iso").asString()).isEqualTo("PT31M");
        assertThat(mongo.count(query(where("incidentId").is(incidentId)), Postmortems.COLLECTION)).isEqualTo(1);
    }

    @Test
    void anUnknownPostmortemIsA404Problem() {
        http.get().uri("/postmortems/{id}", "no-such-postmortem").exchange((request, response) -> {
            assertThat(response.getStatusCode()).isEqualTo(HttpStatusCode.valueOf(404));
            assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8))
                    .contains("\"status\":404", "no-such-postmortem");
            return null;
        });
    }

    @Test
    void anOutOfRangeLimitIsAProblemNamingTheField() {
        http.get().uri("/postmortems?limit=0").exchange((request, response) -> {
            assertThat(response.getStatusCode()).isEqualTo(HttpStatusCode.valueOf(400));
            JsonNode problem = response.bodyTo(JsonNode.class);
            assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("limit");
            return null;
        });
    }

    @Test
    void theApiIsDescribedByOpenApi() {
        JsonNode description = http.get().uri("/v3/api-docs").retrieve().body(JsonNode.class);

        assertThat(description.get("paths").propertyNames()).contains("/postmortems", "/postmortems/{id}");
    }

    @Test
    void anUnreadableIncidentEventGoesToTheDeadLetterTopic() {
        String incidentId = "inc-" + UUID.randomUUID();
        Message<byte[]> valid = INCIDENT_SERVICE.toMessage(resolvedCheckoutIncident(incidentId).getFirst().event(),
                "poison-" + incidentId, Instant.now());
        send(valid, "{\"number\":\"not a number\"".getBytes(StandardCharsets.UTF_8));

        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                KafkaTestUtils.consumerProps(broker, "dlq-reader-" + incidentId, false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.deadLetter(Topics.INCIDENTS)));
            AtomicReference<ConsumerRecord<byte[], byte[]>> deadLetter = new AtomicReference<>();
            await().atMost(PATIENCE).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (incidentId.equals(new String(record.key(), StandardCharsets.UTF_8))) {
                        deadLetter.set(record);
                    }
                });
                return deadLetter.get() != null;
            });
            assertThat(deadLetter.get().headers().lastHeader("x-exception-message")).isNotNull();
        }
        assertThat(histories.find(incidentId)).isEmpty();
    }

    private JsonNode awaitPostmortem(String incidentId, Predicate<JsonNode> ready) {
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

    private static List<String> texts(JsonNode postmortem) {
        return postmortem.get("timeline").valueStream().map(entry -> entry.get("text").asString()).toList();
    }

    private void publish(Recorded recorded) {
        Message<byte[]> message = INCIDENT_SERVICE.toMessage(recorded.event(), recorded.id(), recorded.event().occurredAt());
        send(message, message.getPayload());
    }

    /** As any Kafka client would: the codec's {@code ce_*} headers as UTF-8 bytes, the partition key as the key. */
    private void send(Message<byte[]> message, byte[] value) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        try (KafkaProducer<byte[], byte[]> producer =
                     new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(Topics.INCIDENTS,
                    (byte[]) message.getHeaders().get("kafka_messageKey"), value);
            message.getHeaders().forEach((name, headerValue) -> {
                if (name.startsWith(CloudEventCodec.HEADER_PREFIX)) {
                    record.headers().add(name, headerValue.toString().getBytes(StandardCharsets.UTF_8));
                }
            });
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + Topics.INCIDENTS, e);
        }
    }
}
