package io.oncallhq.postmortem.drafting;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.oncallhq.outbox.StoredTraceContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.springframework.stereotype.Component;

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

    private final ObservationRegistry observations;

    DraftingObservation(ObservationRegistry observations) {
        this.observations = observations;
    }

    /** @param openingTraceparent the incident's opening trace context, or null to stay in the current trace */
    void observe(String openingTraceparent, Runnable drafting) {
        Context opening = StoredTraceContext.context(openingTraceparent);
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
