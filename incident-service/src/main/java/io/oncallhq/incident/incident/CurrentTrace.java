package io.oncallhq.incident.incident;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;

import java.util.HashMap;
import java.util.Map;

/**
 * The trace context of the request or Kafka record being handled on this thread, as the W3C propagator writes it.
 * Micrometer Tracing's OpenTelemetry bridge keeps the OpenTelemetry context current for every observation.
 */
final class CurrentTrace {

    private CurrentTrace() {
    }

    /** The current span as a {@code traceparent}, or null outside any trace. */
    static String traceparent() {
        Map<String, String> headers = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), headers, Map::put);
        return headers.get("traceparent");
    }
}
