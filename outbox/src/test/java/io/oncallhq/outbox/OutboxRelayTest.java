package io.oncallhq.outbox;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.oncallhq.contracts.Actor;
import io.oncallhq.contracts.cloudevents.CloudEventCodec;
import io.oncallhq.contracts.incident.IncidentAcknowledged;
import io.oncallhq.contracts.incident.NoteAdded;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.messaging.Message;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutboxRelayTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private final CloudEventCodec codec = new CloudEventCodec("outbox-test");
    private final List<Message<byte[]>> published = new ArrayList<>();
    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final ObservationRegistry observations = ObservationRegistry.create();
    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;

    @Document("things")
    record Thing(@Id String id, String state, List<OutboxMessage> outbox, @Version Long version) {
    }

    @BeforeEach
    void startDatabase() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://" + server.bindAndGetConnectionString().replace("mongodb://", ""));
        mongo = new MongoTemplate(client, "outbox_test");
        // Micrometer Tracing over the OpenTelemetry SDK, as the services' spring-boot-starter-opentelemetry sets it up.
        SdkTracerProvider tracerProvider = SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(spans)).build();
        OtelTracer tracer = new OtelTracer(tracerProvider.get("outbox-test"), new OtelCurrentTraceContext(), event -> { });
        observations.observationConfig().observationHandler(new DefaultTracingObservationHandler(tracer));
    }

    @AfterEach
    void stopDatabase() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void publishesWaitingEventsInOrderAndRemovesThem() {
        mongo.insert(new Thing("t-1", "acknowledged", List.of(acknowledged("e-1"), note("e-2")), null));

        int sent = relay(recordingSender()).relay("things", "t-1");

        assertThat(sent).isEqualTo(2);
        assertThat(published).extracting(message -> message.getHeaders().get("ce_id")).containsExactly("e-1", "e-2");
        Thing after = mongo.findById("t-1", Thing.class);
        assertThat(after.outbox()).isEmpty();
        assertThat(after.state()).isEqualTo("acknowledged");
    }

    @Test
    void keepsWhatTheBrokerDidNotTakeAndSendsItOnTheNextSweep() {
        mongo.insert(new Thing("t-1", "acknowledged", List.of(acknowledged("e-1"), note("e-2")), null));
        AtomicInteger calls = new AtomicInteger();
        OutboxSender failingOnSecond = (binding, message) -> {
            if (calls.incrementAndGet() == 2) {
                throw new IllegalStateException("broker unreachable");
            }
            published.add(message);
        };

        assertThatThrownBy(() -> relay(failingOnSecond).relay("things", "t-1")).hasMessageContaining("broker unreachable");
        assertThat(mongo.findById("t-1", Thing.class).outbox()).extracting(OutboxMessage::eventId).containsExactly("e-2");

        int sent = relay(recordingSender()).sweep();

        assertThat(sent).isEqualTo(1);
        assertThat(published).extracting(message -> message.getHeaders().get("ce_id")).containsExactly("e-1", "e-2");
        assertThat(mongo.findById("t-1", Thing.class).outbox()).isEmpty();
    }

    @Test
    void removalBumpsTheVersionSoAStaleSaveCannotPutSentEventsBack() {
        Thing saved = mongo.insert(new Thing("t-1", "acknowledged", List.of(acknowledged("e-1")), null));

        relay(recordingSender()).relay("things", "t-1");

        assertThat(mongo.findById("t-1", Thing.class).version()).isEqualTo(saved.version() + 1);
        assertThatThrownBy(() -> mongo.save(saved))
                .isInstanceOf(org.springframework.dao.OptimisticLockingFailureException.class);
    }

    @Test
    void sweepFindsOnlyDocumentsWithWaitingEvents() {
        mongo.insert(new Thing("t-1", "quiet", List.of(), null));
        mongo.insert(new Thing("t-2", "acknowledged", List.of(acknowledged("e-9")), null));

        assertThat(relay(recordingSender()).sweep()).isEqualTo(1);
        assertThat(published).singleElement().satisfies(message -> {
            assertThat(message.getHeaders().get("ce_subject")).isEqualTo("inc-1");
            assertThat(new String(message.getPayload())).contains("\"incidentId\":\"inc-1\"");
        });
    }

    @Test
    void aRelayedEventIsSentAsAChildOfTheSpanThatWroteIt() {
        Observation request = Observation.start("alert request", observations);
        OutboxMessage written;
        try (Observation.Scope scope = request.openScope()) {
            written = acknowledged("e-1");
        } finally {
            request.stop();
        }
        mongo.insert(new Thing("t-1", "acknowledged", List.of(written), null));

        relay(tracedSender()).relay("things", "t-1");

        SpanData writer = span("alert request");
        SpanData send = span("kafka send");
        assertThat(send.getTraceId()).isEqualTo(writer.getTraceId());
        assertThat(send.getParentSpanId()).isEqualTo(writer.getSpanId());
    }

    @Test
    void anEventWrittenOutsideAnyTraceIsSentAsTheStartOfANewOne() {
        mongo.insert(new Thing("t-1", "acknowledged", List.of(acknowledged("e-1")), null));

        relay(tracedSender()).relay("things", "t-1");

        assertThat(mongo.findById("t-1", Thing.class).outbox()).isEmpty();
        assertThat(span("kafka send").getParentSpanContext().isValid()).isFalse();
    }

    @Test
    void theBacklogGaugeShowsPerCollectionTheDocumentsKnownToWait() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        OutboxRelay relay = relay((binding, message) -> {
            throw new IllegalStateException("broker unreachable");
        });
        relay.bindTo(meters);
        mongo.insert(new Thing("t-1", "acknowledged", List.of(acknowledged("e-1")), null));
        mongo.insert(new Thing("t-2", "acknowledged", List.of(note("e-2")), null));

        assertThatThrownBy(relay::sweep).hasMessageContaining("broker unreachable");

        assertThat(meters.get(OutboxRelay.BACKLOG_METRIC).tag("collection", "things").gauge().value()).isEqualTo(2.0);
        relay(recordingSender()).sweep();
        assertThat(mongo.findById("t-2", Thing.class).outbox()).isEmpty();
    }

    @Test
    void documentsThatCouldNotBeRelayedAreRetriedByIdWithoutSearchingTheCollectionAgain() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        AtomicBoolean brokerUp = new AtomicBoolean(false);
        OutboxRelay relay = relay((binding, message) -> {
            if (!brokerUp.get()) {
                throw new IllegalStateException("broker unreachable");
            }
            published.add(message);
        });
        relay.bindTo(meters);
        mongo.insert(new Thing("t-1", "acknowledged", List.of(acknowledged("e-1")), null));
        mongo.insert(new Thing("t-2", "acknowledged", List.of(note("e-2")), null));
        assertThatThrownBy(relay::sweep).hasMessageContaining("broker unreachable");
        mongo.insert(new Thing("t-3", "acknowledged", List.of(note("e-3")), null)); // saved, its relaySoon not yet run

        brokerUp.set(true);
        int sent = relay.retry();

        assertThat(sent).isEqualTo(2);
        assertThat(mongo.findById("t-1", Thing.class).outbox()).isEmpty();
        assertThat(mongo.findById("t-2", Thing.class).outbox()).isEmpty();
        assertThat(mongo.findById("t-3", Thing.class).outbox()).as("left to its own relay or the next sweep").hasSize(1);
        assertThat(meters.get(OutboxRelay.BACKLOG_METRIC).tag("collection", "things").gauge().value()).isZero();
        assertThat(relay.sweep()).isEqualTo(1);
    }

    /** Sends inside an observation, as Spring Kafka's producer observation does. */
    private OutboxSender tracedSender() {
        return (binding, message) -> Observation.createNotStarted("kafka send", observations)
                .observe(() -> published.add(message));
    }

    private SpanData span(String name) {
        return spans.getFinishedSpanItems().stream().filter(span -> span.getName().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no span " + name + " in " + spans.getFinishedSpanItems()));
    }

    private OutboxRelay relay(OutboxSender sender) {
        return new OutboxRelay(mongo, sender, codec, List.of("things"), "version");
    }

    private OutboxSender recordingSender() {
        return (binding, message) -> published.add(message);
    }

    private OutboxMessage acknowledged(String eventId) {
        return OutboxMessage.of("incidents-out-0", codec,
                new IncidentAcknowledged("inc-1", Actor.responder("r-1", "Alex"), NOW), eventId, NOW);
    }

    private OutboxMessage note(String eventId) {
        return OutboxMessage.of("incidents-out-0", codec,
                new NoteAdded("inc-1", Actor.responder("r-1", "Alex"), "rolled back", NOW), eventId, NOW);
    }
}
