package io.oncallhq.localruntime;

import static org.assertj.core.api.Assertions.assertThat;

import io.oncallhq.localruntime.StartupArchive.Kind;
import io.oncallhq.localruntime.StartupArchive.State;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Archives of a {@link StandInService} jar, trained and used by real JVMs of this JDK. */
class StartupArchiveTest {

    private static final List<String> JVM_OPTIONS = List.of("-Xmx32m", "-XX:+UseSerialGC");

    @TempDir
    Path dir;

    @Test
    void aServiceStartsFromItsJarWhileItHasNoArchive() throws Exception {
        Path jar = StandInJars.create(dir.resolve("target/stand-in.jar"));
        StartupArchive archive = new StartupArchive(jar, Kind.forThisJdk(), JVM_OPTIONS);

        assertThat(archive.state()).isEqualTo(State.MISSING);
        assertThat(archive.javaArguments()).containsExactly("-jar", jar.toString());
    }

    @Test
    void theTrainedArchiveIsUsedFromTheExtractedJar() throws Exception {
        Path jar = StandInJars.create(dir.resolve("target/stand-in.jar"));
        StartupArchive archive = new StartupArchive(jar, Kind.forThisJdk(), JVM_OPTIONS);

        assertThat(archive.train(Map.of("SERVER_PORT", String.valueOf(Ports.free())), dir.resolve("training.log")))
                .isEmpty();

        assertThat(archive.state()).isEqualTo(State.USABLE);
        assertThat(archive.file()).isRegularFile().hasParent(dir.resolve("target/startup"));
        assertThat(archive.javaArguments()).containsExactly(
                (Kind.forThisJdk() == Kind.AOT_CACHE ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + archive.file(),
                "-jar", dir.resolve("target/startup/stand-in.jar").toString());
        assertThat(startsAndBecomesHealthy(archive)).doesNotContain("warning");
    }

    @Test
    void anArchiveOfAnotherBuildOfTheJarIsNotUsed() throws Exception {
        Path jar = StandInJars.create(dir.resolve("target/stand-in.jar"));
        StartupArchive archive = new StartupArchive(jar, Kind.forThisJdk(), JVM_OPTIONS);
        archive.train(Map.of("SERVER_PORT", String.valueOf(Ports.free())), dir.resolve("training.log"));

        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60))); // built again

        assertThat(archive.state()).isEqualTo(State.FROM_ANOTHER_BUILD);
        assertThat(archive.javaArguments()).containsExactly("-jar", jar.toString());
        assertThat(new StartupArchive(jar, Kind.forThisJdk(), List.of("-Xmx64m")).state())
                .as("other JVM options").isEqualTo(State.FROM_ANOTHER_BUILD);
    }

    @Test
    void aDamagedArchiveDoesNotStopTheService() throws Exception {
        Path jar = StandInJars.create(dir.resolve("target/stand-in.jar"));
        StartupArchive archive = new StartupArchive(jar, Kind.forThisJdk(), JVM_OPTIONS);
        archive.train(Map.of("SERVER_PORT", String.valueOf(Ports.free())), dir.resolve("training.log"));

        Files.writeString(archive.file(), "not an archive");

        assertThat(archive.state()).isEqualTo(State.USABLE); // the JVM, not the launcher, finds it unusable
        assertThat(startsAndBecomesHealthy(archive)).contains("listening");
    }

    /** Starts the stand-in as the launcher does and returns its output once it is healthy and stopped again. */
    private String startsAndBecomesHealthy(StartupArchive archive) throws Exception {
        int port = Ports.free();
        Path log = dir.resolve("stand-in.log");
        try (ServiceProcess service = ServiceProcess.start("stand-in", archive.javaArguments(), port,
                Map.of("SERVER_PORT", String.valueOf(port), "SERVICE_JAVA_OPTS", String.join(" ", JVM_OPTIONS)),
                log, false)) {
            service.awaitHealthy(Duration.ofSeconds(60));
        }
        return Files.readString(log);
    }
}
