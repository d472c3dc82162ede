package io.oncallhq.postmortem;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Observes a run of drafting: the span {@value #SPAN} and the timer {@value #NAME}. A post-mortem is drafted when its
 * incident resolves, and that usually happens in another trace than the alert that opened the incident (a Slack
 * button, an API call, the monitoring system's resolved notification minutes later). Given the incident's opening
 * trace context, the span is made its child, so the alert's trace shows the post-mortem's creation, and links to the
 * span that was current (the resolve's), so that trace still leads to it. Without one, or with one the W3C propagator
 * cannot read, the span is a child of the current span like any other.
 *
 * <p>The opening context is made the current span before the observation starts: Micrometer Tracing then takes it
 * as the parent rather than the enclosing Kafka receive, as it does for the outbox relay's sends.
 */
@Component
class DraftingObservation {

    static final String NAME = "postmortem.drafting";
    static final String SPAN = "draft post-mortem";
    private static final String TRACEPARENT = "traceparent";
    /** The carrier is the traceparent itself. */
    private static final TextMapGetter<String> FROM_TRACEPARENT = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String traceparent) {
            return List.of(TRACEPARENT);
        }

        @Override
        public String get(String traceparent, String key) {
            return TRACEPARENT.equals(key) ? traceparent : null;
        }
    };

    private final ObservationRegistry observations;

    DraftingObservation(ObservationRegistry observations) {
        this.observations = observations;
    }

    /** @param openingTraceparent the incident's opening trace context, or null to stay in the current trace */
    void observe(String openingTraceparent, Runnable drafting) {
        // From the root: the current context also holds Micrometer's own record of the current span, which would win.
        Context opening = openingTraceparent == null ? Context.root()
                : W3CTraceContextPropagator.getInstance().extract(Context.root(), openingTraceparent, FROM_TRACEPARENT);
        if (!Span.fromContext(opening).getSpanContext().isValid()) {
            observation().observe(drafting);
            return;
        }
        SpanContext cause = Span.current().getSpanContext();
        try (Scope parent = opening.makeCurrent()) {
            observation().observe(() -> {
                if (cause.isValid()) {
                    Span.current().addLink(cause);
                }
                drafting.run();
            });
        }
    }

    private Observation observation() {
        return Observation.createNotStarted(NAME, observations).contextualName(SPAN);
    }
}
