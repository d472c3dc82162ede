package io.oncallhq.system;

import io.oncallhq.localruntime.Ports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code ./run.sh} as a person runs it, with the broker and the database only ({@code LOCAL_SERVICES=none}): on JDK
 * 25+ the launcher's own AOT cache is trained once per build and used after; a cache the JVM cannot read does not
 * stop the start.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LaunchScriptIT {

    private static final Path REPO = Path.of(System.getProperty("repo.dir", "..")).toAbsolutePath().normalize();
    private static final Path CACHE = REPO.resolve("local-runtime/target/local-runtime.aot");
    private static final String TRAINING = "Training the launcher's AOT cache";
    private static final Duration START_LIMIT = Duration.ofMinutes(3);

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void onlyWhereTheJdkHasOneStepTraining() throws IOException {
        assumeTrue(Runtime.version().feature() >= 25, "the launcher's AOT cache needs JDK 25");
        Files.deleteIfExists(CACHE);
    }

    @AfterAll
    static void leaveNoUnreadableCache() throws IOException {
        Files.deleteIfExists(CACHE); // the next ./run.sh trains a good one
    }

    @Test
    @Order(1)
    void theFirstStartAfterABuildTrainsTheCacheOnceAndStarts() throws Exception {
        List<String> output = startAndStop();

        assertThat(output).filteredOn(line -> line.startsWith(TRAINING)).hasSize(1);
        assertThat(CACHE).isRegularFile();
    }

    @Test
    @Order(2)
    void theNextStartUsesTheCacheWithoutTrainingOrComplaints() throws Exception {
        FileTime trained = Files.getLastModifiedTime(CACHE);

        List<String> output = startAndStop();

        assertThat(output).noneMatch(line -> line.startsWith(TRAINING)).noneMatch(line -> line.contains("[aot"));
        assertThat(Files.getLastModifiedTime(CACHE)).isEqualTo(trained);
    }

    @Test
    @Order(3)
    void anUnreadableCacheIsReportedAndTheLauncherStartsWithoutIt() throws Exception {
        Files.writeString(CACHE, "not an AOT cache");
        Files.setLastModifiedTime(CACHE, FileTime.from(Instant.now().plusSeconds(60))); // newer than the jar

        List<String> output = startAndStop();

        assertThat(output).noneMatch(line -> line.startsWith(TRAINING))
                .anyMatch(line -> line.contains("An error has occurred while processing the AOT cache"));
    }

    /** Runs {@code ./run.sh} until its banner, stops it as Ctrl-C would, and returns what it printed. */
    private static List<String> startAndStop() throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", REPO.resolve("run.sh").toString()).redirectErrorStream(true);
        builder.environment().put("LOCAL_SERVICES", "none");
        builder.environment().put("SERVICE_STARTUP_ARCHIVE", "aot");
        builder.environment().put("DATA_DIR", dataDir.toString());
        builder.environment().put("KAFKA_PORT", String.valueOf(Ports.free()));
        builder.environment().put("MONGODB_PORT", String.valueOf(Ports.free()));
        Process launcher = builder.start();
        List<String> output = new CopyOnWriteArrayList<>();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().forEach(output::add);
            } catch (IOException e) {
                output.add("(output unreadable: " + e + ")");
            }
        });
        try {
            Instant deadline = Instant.now().plus(START_LIMIT);
            while (output.stream().noneMatch(line -> line.contains("is running locally"))) {
                assertThat(launcher.isAlive()).as("run.sh stopped before its banner:%n%s", String.join("\n", output))
                        .isTrue();
                assertThat(Instant.now()).as("no banner within %s:%n%s", START_LIMIT, String.join("\n", output))
                        .isBefore(deadline);
                Thread.sleep(100);
            }
        } finally {
            launcher.destroy(); // SIGTERM, as Ctrl-C's shutdown: the broker and the database stop cleanly
            if (!launcher.waitFor(60, TimeUnit.SECONDS)) {
                launcher.destroyForcibly().waitFor();
            }
            reader.join(Duration.ofSeconds(5));
        }
        return List.copyOf(output);
    }
}
