package io.oncallhq.outbox;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;

import java.util.HashMap;
import java.util.Map;

/**
 * A trace context kept as a W3C {@code traceparent} string, to be continued later on another thread: the writer of an
 * outbox message hands it to the relay (without it every relayed event would start a new trace), an incident keeps
 * the one it was opened in for its post-mortem. Works through the OpenTelemetry context, which Micrometer Tracing's
 * OpenTelemetry bridge keeps current for every observation.
 */
public final class StoredTraceContext {

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

    private StoredTraceContext() {
    }

    /** The current span as a {@code traceparent}, or null outside any trace. */
    public static String currentTraceparent() {
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /**
     * The stored span as a context of its own, from the root: nothing of the current context (Micrometer keeps its own
     * record of the current span there, which would win) comes along. The root itself without one, or with one the
     * propagator cannot read.
     */
    public static Context context(String traceparent) {
        return traceparent == null ? Context.root()
                : W3CTraceContextPropagator.getInstance().extract(Context.root(), Map.of(TRACEPARENT, traceparent), GETTER);
    }

    /** Makes the stored span the current parent until the scope closes; a no-op without one. */
    static Scope restore(String traceparent) {
        return traceparent == null ? Scope.noop() : context(traceparent).makeCurrent();
    }
}
