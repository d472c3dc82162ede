package io.oncallhq.bench;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.oncallhq.contracts.Severity;
import io.oncallhq.contracts.Topics;
import io.oncallhq.contracts.alert.AlertLink;
import io.oncallhq.contracts.alert.AlertTriggered;
import io.oncallhq.contracts.cloudevents.CloudEventCodec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The ceiling over alert-ingest's figures: a bare Netty HTTP server that does only what no intake answering after
 * the broker's acknowledgement can skip. It parses a generic alert or an Alertmanager webhook batch, encodes the same
 * {@code alert.triggered.v1} records as ingest, sends them with ingest's producer settings (acks=all, idempotent, one
 * produce request in flight, no linger) and answers 202 once the broker acknowledged them all. It checks no key,
 * rate limit or field and makes no metric, log line or span. {@code bench/run.sh ceiling} runs it in a process of its own:
 * {@code main(port, kafkaBootstrapServers)}.
 */
final class BareAlertServer {

    static final String TOPIC = Topics.ALERTS + "-bare";
    static final String LISTENING = "bare alert server listening";
    private static final int MAX_BODY_BYTES = 512 * 1024;
    private static final byte[] ACCEPTED = "{\"status\":\"accepted\"}".getBytes(StandardCharsets.UTF_8);

    private BareAlertServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(args[0]);
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, args[1],
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.BATCH_SIZE_CONFIG, 524288), new ByteArraySerializer(), new ByteArraySerializer());
        Handler handler = new Handler(producer, new CloudEventCodec("bare-alert-server"), JsonMapper.builder().build());
        MultiThreadIoEventLoopGroup loop = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
        new ServerBootstrap().group(loop).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(MAX_BODY_BYTES), handler);
                    }
                })
                .bind("127.0.0.1", port).sync();
        System.out.println(LISTENING);
    }

    @io.netty.channel.ChannelHandler.Sharable
    private static final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {

        private final KafkaProducer<byte[], byte[]> producer;
        private final CloudEventCodec codec;
        private final JsonMapper json;

        Handler(KafkaProducer<byte[], byte[]> producer, CloudEventCodec codec, JsonMapper json) {
            this.producer = producer;
            this.codec = codec;
            this.json = json;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext context, FullHttpRequest request) {
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            byte[] body = ByteBufUtil.getBytes(request.content());
            JsonNode payload = json.readTree(body);
            Instant now = Instant.now();
            List<AlertTriggered> events = payload.has("alerts")
                    ? webhookBatch(payload, now)
                    : List.of(genericAlert(payload, new String(body, StandardCharsets.UTF_8), now));
            AtomicInteger outstanding = new AtomicInteger(events.size());
            AtomicBoolean failed = new AtomicBoolean();
            for (AlertTriggered event : events) {
                producer.send(codec.toRecord(TOPIC, event, UUID.randomUUID().toString(), now), (metadata, failure) -> {
                    if (failure != null) {
                        failed.set(true);
                    }
                    if (outstanding.decrementAndGet() == 0) {
                        context.executor().execute(() -> answer(context, keepAlive,
                                failed.get() ? HttpResponseStatus.SERVICE_UNAVAILABLE : HttpResponseStatus.ACCEPTED));
                    }
                });
            }
        }

        private static AlertTriggered genericAlert(JsonNode alert, String raw, Instant now) {
            return new AlertTriggered("bench-service", "bench-integration", "generic",
                    "generic:v1:" + alert.path("dedupKey").asString(), null, alert.path("summary").asString(),
                    severity(alert.path("severity")), null, Map.of(), Map.of(), Map.of(), List.of(), now, now, raw);
        }

        /** An Alertmanager webhook payload: one event per alert, each keeping its own JSON as the raw payload. */
        private static List<AlertTriggered> webhookBatch(JsonNode payload, Instant now) {
            List<AlertTriggered> events = new ArrayList<>();
            String groupKey = payload.path("groupKey").asString();
            for (JsonNode alert : payload.path("alerts")) {
                Map<String, String> labels = strings(alert.path("labels"));
                Map<String, String> annotations = strings(alert.path("annotations"));
                events.add(new AlertTriggered("bench-service", "bench-integration", "alertmanager",
                        "alertmanager:v1:" + alert.path("fingerprint").asString(), groupKey,
                        annotations.getOrDefault("summary", labels.get("alertname")), severity(alert.path("labels").path("severity")),
                        labels.get("instance"), labels, annotations, Map.of(),
                        List.of(new AlertLink(alert.path("generatorURL").asString(), "Source")),
                        Instant.parse(alert.path("startsAt").asString()), now, alert.toString()));
            }
            return events;
        }

        private static Map<String, String> strings(JsonNode object) {
            Map<String, String> values = new LinkedHashMap<>();
            object.properties().forEach(entry -> values.put(entry.getKey(), entry.getValue().asString()));
            return values;
        }

        private static Severity severity(JsonNode severity) {
            return Severity.valueOf(severity.asString("critical").toUpperCase(Locale.ROOT));
        }

        private static void answer(ChannelHandlerContext context, boolean keepAlive, HttpResponseStatus status) {
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(ACCEPTED));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, ACCEPTED.length);
            if (keepAlive) {
                context.writeAndFlush(response);
            } else {
                context.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            }
        }
    }
}
