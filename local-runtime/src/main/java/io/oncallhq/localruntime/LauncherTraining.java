package io.oncallhq.localruntime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The training run of the launcher's own AOT cache ({@code run.sh}, JDK 25+): starts the embedded MongoDB-wire server
 * and the Kafka broker once, in a temporary folder on free ports, and stops them, so the classes both load while they
 * start are in the cache. With it the broker is ready in about a third of the time and the launcher takes far less
 * of the machine while the services start beside it.
 *
 * <p>{@code java -XX:AOTCacheOutput=local-runtime.aot -cp local-runtime.jar io.oncallhq.localruntime.LauncherTraining}
 */
public final class LauncherTraining {

    private LauncherTraining() {
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("logback.configurationFile", "local-runtime-logback.xml"); // as the launcher logs
        Path work = Files.createTempDirectory("launcher-training");
        try (LocalMongo mongo = LocalMongo.start(work.resolve("mongo.mv"), 0);
             LocalKafka kafka = LocalKafka.start(work.resolve("kafka"), 0)) {
            System.out.println("MongoDB on port " + mongo.port() + " and Kafka on " + kafka.bootstrapServers()
                    + " started and stopped");
        } finally {
            StartupArchive.deleteRecursively(work);
        }
    }
}
