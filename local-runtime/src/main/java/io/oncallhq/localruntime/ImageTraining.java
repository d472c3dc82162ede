package io.oncallhq.localruntime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The training run of a service's start-up archive at image build ({@code Dockerfile}), where no database runs: an
 * embedded MongoDB-wire server for its duration, since the services create their indexes while they start. No
 * broker is needed: nothing talks to Kafka before the context is refreshed.
 *
 * <p>{@code java -cp local-runtime.jar io.oncallhq.localruntime.ImageTraining /app/app.jar}: the jar extracted
 * already, the archive written beside it ({@code app.aot}, or {@code app.jsa} with {@code SERVICE_STARTUP_ARCHIVE=cds}),
 * with the image's JVM options ({@code JAVA_TOOL_OPTIONS}, which every JVM of the image takes). Exits with 1 when no
 * archive came out of it, so an image is never built without one.
 */
public final class ImageTraining {

    private ImageTraining() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("logback.configurationFile", "local-runtime-logback.xml"); // the embedded server's quiet logs
        Path jar = Path.of(args[0]).toAbsolutePath();
        StartupArchive archive = new StartupArchive(jar, jar.getParent(),
                StartupArchive.Kind.parse(System.getenv("SERVICE_STARTUP_ARCHIVE")), List.of());
        Path work = Files.createTempDirectory("image-training");
        Optional<String> failure;
        try (LocalMongo mongo = LocalMongo.start(work.resolve("mongo.mv"), Ports.free())) {
            failure = archive.train(Map.of("MONGODB_URI", mongo.connectionString("training"),
                    "KAFKA_BOOTSTRAP_SERVERS", Ports.HOST + ":" + Ports.free()), work.resolve("training.log"));
        }
        if (failure.isPresent()) {
            System.err.println("No " + archive.kind() + " for " + jar + ": " + failure.get() + "\n"
                    + String.join("\n", tail(work.resolve("training.log"))));
            System.exit(1);
        }
        System.out.println(archive.kind() + " of " + jar.getFileName() + ": " + archive.file());
    }

    private static List<String> tail(Path log) throws Exception {
        List<String> lines = Files.readAllLines(log);
        return lines.subList(Math.max(0, lines.size() - 40), lines.size());
    }
}
