package io.oncallhq.localruntime;

import de.bwaldvogel.mongo.MongoServer;
import org.h2.mvstore.MVStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A MongoDB-wire-compatible server in this JVM (mongo-java-server). With a data file the H2 backend keeps
 * the data on disk across restarts; without one everything lives in memory.
 */
public final class LocalMongo implements AutoCloseable {

    private final MongoServer server;
    private final int port;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalMongo(MongoServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * @param dataFile the H2 file holding all databases (parent folders are created), or null for in-memory
     * @param port     the port on localhost, or 0 for any free port
     */
    public static LocalMongo start(Path dataFile, int port) {
        QuietLogs.warnOnly("de.bwaldvogel.mongo");
        MongoServer server = new MongoServer(dataFile == null ? new HandshakeAwareH2Backend(MVStore.open(null)) : onDisk(dataFile));
        try {
            server.bind(Ports.HOST, port);
        } catch (RuntimeException e) {
            server.shutdownNow();
            throw e;
        }
        return new LocalMongo(server, server.getLocalAddress().getPort());
    }

    /** For example {@code mongodb://localhost:27017/incidents}. */
    public String connectionString(String database) {
        return "mongodb://" + Ports.HOST + ":" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    /** Drops client connections and closes the H2 store, which writes everything still pending to the file. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.shutdownNow();
        }
    }

    private static HandshakeAwareH2Backend onDisk(Path dataFile) {
        Path file = dataFile.toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the MongoDB data folder " + file.getParent(), e);
        }
        return new HandshakeAwareH2Backend(file.toString());
    }
}
