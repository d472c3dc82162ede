package io.oncallhq.outbox;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;

import java.util.HashMap;
import java.util.Map;

/**
 * Carries the W3C {@code traceparent} of the code that wrote an outbox message over to the relay, which sends it
 * later on its own thread: without it every relayed event would start a new trace. Works through the OpenTelemetry
 * context, which Micrometer Tracing's OpenTelemetry bridge keeps current for every observation.
 */
final class OutboxTraceContext {

    private static final String TRACEPARENT = "traceparent";
    private static final TextMapGetter<Map<String, String>> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private OutboxTraceContext() {
    }

    /** The current span as a {@code traceparent}, or null outside any trace. */
    static String currentTraceparent() {
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** Makes the stored span the current parent until the scope closes; a no-op without one. */
    static Scope restore(String traceparent) {
        if (traceparent == null) {
            return Scope.noop();
        }
        Context stored = W3CTraceContextPropagator.getInstance()
                .extract(Context.root(), Map.of(TRACEPARENT, traceparent), GETTER);
        return stored.makeCurrent();
    }
}
