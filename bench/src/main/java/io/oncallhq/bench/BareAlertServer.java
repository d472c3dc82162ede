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
import io.oncallhq.contracts.alert.AlertTriggered;
import io.oncallhq.contracts.cloudevents.CloudEventCodec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The floor under alert-ingest's figure for single alerts: a bare Netty HTTP server that does only what no intake
 * answering after the broker's acknowledgement can skip. It parses the generic alert, encodes the same
 * {@code alert.triggered.v1} record as ingest, sends it with ingest's producer settings (acks=all, idempotent, one
 * produce request in flight, no linger) and answers 202 once the broker acknowledged. It checks no key, rate limit
 * or field and makes no metric, log line or span. {@code bench/run.sh ceiling} runs it in a process of its own:
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
            JsonNode alert = json.readTree(body);
            Instant now = Instant.now();
            String summary = alert.path("summary").asString();
            AlertTriggered event = new AlertTriggered("bench-service", "bench-integration", "generic",
                    "generic:v1:" + alert.path("dedupKey").asString(), null, summary,
                    Severity.valueOf(alert.path("severity").asString("critical").toUpperCase()), null, Map.of(), Map.of(),
                    Map.of(), List.of(), now, now, new String(body, StandardCharsets.UTF_8));
            producer.send(codec.toRecord(TOPIC, event, UUID.randomUUID().toString(), now),
                    (metadata, failure) -> context.executor().execute(() -> answer(context, keepAlive,
                            failure == null ? HttpResponseStatus.ACCEPTED : HttpResponseStatus.SERVICE_UNAVAILABLE)));
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
