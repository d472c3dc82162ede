package io.oncallhq.system;

import com.google.protobuf.ByteString;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/** A stand-in OpenTelemetry collector: takes OTLP/HTTP exports and keeps the spans; metrics are accepted and dropped. */
final class OtlpReceiver implements AutoCloseable {

    /** @param links the spans this one links to, beside its parent */
    record ReceivedSpan(String service, String name, String traceId, String spanId, String parentSpanId,
                        List<SpanLink> links) {
    }

    record SpanLink(String traceId, String spanId) {
    }

    private final HttpServer server;
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

    OtlpReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/v1/traces", this::traces);
        server.createContext("/", exchange -> answer(exchange, new byte[0]));
        server.start();
    }

    /** For {@code OTEL_EXPORTER_OTLP_ENDPOINT}. */
    String endpoint() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    List<ReceivedSpan> spans(String name) {
        return spans.stream().filter(span -> span.name().equals(name)).toList();
    }

    List<ReceivedSpan> spansOf(String service) {
        return spans.stream().filter(span -> span.service().equals(service)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void traces(HttpExchange exchange) throws IOException {
        try (InputStream body = "gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
            for (ResourceSpans resource : ExportTraceServiceRequest.parseFrom(body).getResourceSpansList()) {
                String service = resource.getResource().getAttributesList().stream()
                        .filter(attribute -> attribute.getKey().equals("service.name"))
                        .map(KeyValue::getValue).map(value -> value.getStringValue()).findFirst().orElse("");
                resource.getScopeSpansList().forEach(scope -> scope.getSpansList().forEach(span -> spans.add(
                        new ReceivedSpan(service, span.getName(), hex(span.getTraceId()), hex(span.getSpanId()),
                                hex(span.getParentSpanId()), span.getLinksList().stream()
                                .map(link -> new SpanLink(hex(link.getTraceId()), hex(link.getSpanId()))).toList()))));
            }
        }
        answer(exchange, ExportTraceServiceResponse.getDefaultInstance().toByteArray());
    }

    private static void answer(HttpExchange exchange, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
        exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    private static String hex(ByteString bytes) {
        return HexFormat.of().formatHex(bytes.toByteArray());
    }
}
