package io.oncallhq.localruntime;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * A real single-node Apache Kafka broker in KRaft mode (combined broker and controller) running in this JVM.
 * The storage is formatted on first use; the data, including the cluster id, stays in the log directory
 * across restarts.
 */
public final class LocalKafka implements AutoCloseable {

    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    private final KafkaRaftServer server;
    private final int port;
    private final Path logDir;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalKafka(KafkaRaftServer server, int port, Path logDir) {
        this.server = server;
        this.port = port;
        this.logDir = logDir;
    }

    /**
     * Starts the broker and returns once it accepts clients.
     *
     * @param logDir where partitions and cluster metadata live; created and formatted when new
     * @param port   the client port on localhost, or 0 for any free port
     */
    public static LocalKafka start(Path logDir, int port) {
        QuietLogs.warnOnly("kafka", "org.apache.kafka", "state.change.logger");
        Path dir = logDir.toAbsolutePath();
        int brokerPort = port == 0 ? Ports.free() : port;
        // The controller port is only used inside this node; a static voter set lets it change per start. The client
        // port came from Ports (free() or the launcher's requireFree), so free() does not offer it again here.
        KafkaConfig config = new KafkaConfig(properties(dir, brokerPort, Ports.free()));
        formatIfNew(dir);
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            server.startup();
        } catch (RuntimeException e) {
            server.shutdown();
            server.awaitShutdown();
            throw e;
        }
        return new LocalKafka(server, brokerPort, dir);
    }

    public String bootstrapServers() {
        return Ports.HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    public Path logDir() {
        return logDir;
    }

    /** Controlled shutdown: partitions are closed cleanly, so the next start needs no log recovery. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.shutdown();
            server.awaitShutdown();
        }
    }

    private static Map<String, String> properties(Path logDir, int brokerPort, int controllerPort) {
        return Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", String.valueOf(NODE_ID)),
                Map.entry("controller.quorum.voters", NODE_ID + "@" + Ports.HOST + ":" + controllerPort),
                Map.entry("controller.listener.names", CONTROLLER_LISTENER),
                Map.entry("listeners", "PLAINTEXT://" + Ports.HOST + ":" + brokerPort + ","
                        + CONTROLLER_LISTENER + "://" + Ports.HOST + ":" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://" + Ports.HOST + ":" + brokerPort),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("log.dirs", logDir.toString()),
                Map.entry("auto.create.topics.enable", "true"),
                Map.entry("num.partitions", "3"),
                Map.entry("default.replication.factor", "1"),
                Map.entry("min.insync.replicas", "1"),
                Map.entry("offsets.topic.replication.factor", "1"),
                // Fewer than the default 50, so the first consumer group on a fresh broker is ready sooner.
                Map.entry("offsets.topic.num.partitions", "5"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                // The default 128 MB cleaner buffer would be allocated on the heap for one compacted topic.
                Map.entry("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024)));
    }

    private static void formatIfNew(Path logDir) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(logDir);
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(logDir.toString())
                    .addDirectory(logDir.toString())
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the Kafka log directory " + logDir, e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format Kafka storage in " + logDir, e);
        }
    }
}
