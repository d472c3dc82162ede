package io.oncallhq.postmortem.drafting;

import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Drafting's span, inside the Kafka receive of the event that caused it, as postmortem-service's consumer runs it. */
class DraftingObservationTest {

    private static final String OPENING_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String OPENING_SPAN = "00f067aa0ba902b7";
    private static final String OPENING_TRACEPARENT = "00-" + OPENING_TRACE + "-" + OPENING_SPAN + "-01";

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ObservationRegistry observations = ObservationRegistry.create();
    private final DraftingObservation drafting = new DraftingObservation(observations);

    @BeforeEach
    void traceAsTheServiceDoes() {
        // Micrometer Tracing over the OpenTelemetry SDK, as spring-boot-starter-opentelemetry sets it up.
        SdkTracerProvider tracerProvider = SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(spans)).build();
        OtelTracer tracer = new OtelTracer(tracerProvider.get("drafting-test"), new OtelCurrentTraceContext(), event -> { });
        observations.observationConfig()
                .observationHandler(new DefaultTracingObservationHandler(tracer))
                .observationHandler(new DefaultMeterObservationHandler(meters));
    }

    @Test
    void draftingAfterTheResolveIsInTheTraceThatOpenedTheIncidentAndLinkedFromTheResolvesTrace() {
        AtomicBoolean drafted = new AtomicBoolean();
        AtomicReference<String> currentAfterwards = new AtomicReference<>();

        received(() -> {
            drafting.observe(OPENING_TRACEPARENT, () -> drafted.set(true));
            currentAfterwards.set(Span.current().getSpanContext().getSpanId());
        });

        SpanData receive = span("kafka receive");
        SpanData draft = span(DraftingObservation.SPAN);
        assertThat(drafted).isTrue();
        assertThat(draft.getTraceId()).isEqualTo(OPENING_TRACE);
        assertThat(draft.getParentSpanId()).isEqualTo(OPENING_SPAN);
        assertThat(draft.getLinks()).singleElement().extracting(LinkData::getSpanContext).satisfies(link -> {
            assertThat(link.getTraceId()).isEqualTo(receive.getTraceId());
            assertThat(link.getSpanId()).isEqualTo(receive.getSpanId());
        });
        assertThat(currentAfterwards).hasValue(receive.getSpanId());
        assertThat(meters.get(DraftingObservation.NAME).timer().count()).isEqualTo(1);
    }

    @Test
    void withoutAnOpeningTraceDraftingStaysInTheTraceOfTheEventThatCausedIt() {
        received(() -> drafting.observe(null, () -> { }));

        assertThatDraftingIsAPlainChildOfTheReceive();
    }

    @Test
    void anOpeningTraceThePropagatorCannotReadIsIgnored() {
        received(() -> drafting.observe("00-not-a-trace", () -> { }));

        assertThatDraftingIsAPlainChildOfTheReceive();
    }

    private void assertThatDraftingIsAPlainChildOfTheReceive() {
        SpanData receive = span("kafka receive");
        SpanData draft = span(DraftingObservation.SPAN);
        assertThat(draft.getTraceId()).isEqualTo(receive.getTraceId());
        assertThat(draft.getParentSpanId()).isEqualTo(receive.getSpanId());
        assertThat(draft.getLinks()).isEmpty();
    }

    /** Inside an observation, as the Kafka binder's consumer observation runs the handler. */
    private void received(Runnable handler) {
        Observation.createNotStarted("kafka receive", observations).observe(handler);
    }

    private SpanData span(String name) {
        return spans.getFinishedSpanItems().stream().filter(span -> span.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no span " + name + " in " + spans.getFinishedSpanItems()));
    }
}
