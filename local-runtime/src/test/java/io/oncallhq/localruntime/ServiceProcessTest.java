package io.oncallhq.localruntime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceProcessTest {

    @TempDir
    Path dir;

    @Test
    void becomesHealthyThenStopsGracefullyOnSigterm() throws Exception {
        int port = Ports.free();
        Path log = dir.resolve("logs/stand-in.log");
        ServiceProcess service = ServiceProcess.start("stand-in", standIn(), port,
                Map.of("SERVER_PORT", String.valueOf(port), "DEMO_SEED", "true"), log, false);

        service.awaitHealthy(Duration.ofSeconds(30));
        assertThat(service.healthUrl()).hasToString("http://localhost:" + port + "/actuator/health");

        service.stop();
        assertThat(service.isAlive()).isFalse();
        assertThat(service.onExit().join().exitValue()).isEqualTo(143); // 128 + SIGTERM
        assertThat(Files.readAllLines(log)).contains("DEMO_SEED=true", "listening", "stopped gracefully");
    }

    @Test
    void failsWithTheLogTailWhenTheProcessDiesBeforeBeingHealthy() throws Exception {
        int port = Ports.free();
        List<String> failing = new java.util.ArrayList<>(standIn());
        failing.add("fail");
        ServiceProcess service = ServiceProcess.start("doomed", failing, port, Map.of(),
                dir.resolve("doomed.log"), false);

        assertThatIllegalStateException()
                .isThrownBy(() -> service.awaitHealthy(Duration.ofSeconds(30)))
                .withMessageContaining("doomed exited with code 3 before it became healthy")
                .withMessageContaining("boom: cannot start");
    }

    private static List<String> standIn() throws Exception {
        String classes = Path.of(StandInService.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        return List.of("-cp", classes, StandInService.class.getName());
    }
}
