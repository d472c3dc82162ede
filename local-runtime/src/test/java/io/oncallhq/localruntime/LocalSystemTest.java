package io.oncallhq.localruntime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher with real Kafka and MongoDB, and {@link StandInService} jars in place of the services and the console. */
class LocalSystemTest {

    private static final List<String> MODULES =
            List.of("alert-ingest-service", "incident-service", "notification-service", "postmortem-service",
                    "web-console");

    @TempDir
    Path dir;

    @Test
    void startsEverythingWithItsSettingsAndStopsServicesGracefully() throws Exception {
        Path repo = dir.resolve("repo");
        Path jar = standInJar();
        for (String module : MODULES) {
            Path target = Files.createDirectories(repo.resolve(module).resolve("target"));
            Files.copy(jar, target.resolve(module + ".jar"));
        }
        Map<String, String> env = new HashMap<>(Map.of(
                "REPO_DIR", repo.toString(),
                "DATA_DIR", dir.resolve("data").toString(),
                "SLACK_BOT_TOKEN", "xoxb-passed-through",
                "SERVICE_JAVA_OPTS", "-Xmx32m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"));
        List.of("KAFKA_PORT", "MONGODB_PORT", "ALERT_INGEST_PORT", "INCIDENT_PORT", "NOTIFICATION_PORT",
                "POSTMORTEM_PORT", "WEB_CONSOLE_PORT").forEach(variable -> env.put(variable, String.valueOf(Ports.free())));
        ByteArrayOutputStream progress = new ByteArrayOutputStream();

        String key;
        String responderToken;
        try (LocalSystem system = new LocalSystem(env, new PrintStream(progress, true))) {
            system.start();
            key = system.demoIntegrationKey();
            responderToken = system.demoResponderToken();

            assertThat(system.banner()).contains(
                    "http://localhost:" + env.get("POSTMORTEM_PORT") + "/actuator/health",
                    "localhost:" + env.get("KAFKA_PORT"),
                    "curl -i -X POST http://localhost:" + env.get("ALERT_INGEST_PORT") + "/integrations/" + key
                            + "/generic",
                    "\"dedupKey\":\"checkout-latency\"",
                    "real Slack",
                    "Demo responder token   " + responderToken + " (Alex Rivera, responder alex",
                    "web console, http://localhost:" + env.get("WEB_CONSOLE_PORT")
                            + ", and sign in with the demo responder token (or the admin API token)");
        }

        Path logs = dir.resolve("data/logs");
        assertThat(Files.readAllLines(logs.resolve("incident-service.log"))).contains(
                "SERVER_PORT=" + env.get("INCIDENT_PORT"),
                "KAFKA_BOOTSTRAP_SERVERS=localhost:" + env.get("KAFKA_PORT"),
                "MONGODB_URI=mongodb://localhost:" + env.get("MONGODB_PORT") + "/incidents",
                "DEMO_SEED=true",
                "DEMO_INTEGRATION_KEY=" + key,
                "DEMO_SLACK_USER_ID=U0DEMO0001",
                "INCIDENT_SERVICE_URL=http://localhost:" + env.get("INCIDENT_PORT"),
                "SLACK_BOT_TOKEN=xoxb-passed-through",
                "ONCALLHQ_SECURITY_APITOKENS_0_RESPONDERID=alex",
                "ONCALLHQ_SECURITY_APITOKENS_0_SHA256=" + HexFormat.of().formatHex(
                        MessageDigest.getInstance("SHA-256").digest(responderToken.getBytes(StandardCharsets.UTF_8))));
        assertThat(Files.readAllLines(logs.resolve("web-console.log"))).contains(
                "SERVER_PORT=" + env.get("WEB_CONSOLE_PORT"),
                "ALERT_INGEST_API_URL=http://localhost:" + env.get("ALERT_INGEST_PORT"),
                "INCIDENT_SERVICE_API_URL=http://localhost:" + env.get("INCIDENT_PORT"),
                "POSTMORTEM_SERVICE_API_URL=http://localhost:" + env.get("POSTMORTEM_PORT"));
        for (String module : MODULES) {
            assertThat(Files.readAllLines(logs.resolve(module + ".log"))).contains("stopped gracefully");
        }
        assertThat(Files.readString(dir.resolve("data/demo-integration-key")).strip()).isEqualTo(key);
        assertThat(Files.readString(dir.resolve("data/demo-responder-token")).strip()).isEqualTo(responderToken);
        assertThat(progress.toString()).contains("Kafka ready", "MongoDB ready", "postmortem-service healthy");
    }

    @Test
    void missingServiceJarsStopTheStartBeforeAnythingRuns() {
        LocalSystem system = new LocalSystem(
                Map.of("REPO_DIR", dir.toString(), "DATA_DIR", dir.resolve("data").toString()),
                new PrintStream(OutputStream.nullOutputStream()));

        assertThatIllegalStateException().isThrownBy(system::start)
                .withMessageContaining("Missing service jar(s)")
                .withMessageContaining(dir.resolve("incident-service/target/incident-service.jar").toString())
                .withMessageContaining("./mvnw -q -B -DskipTests install");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    /** A jar that runs {@link StandInService} from the test classes, as {@code java -jar} needs. */
    private Path standInJar() throws Exception {
        Path classes = Path.of(StandInService.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, StandInService.class.getName());
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classes.toUri().toString());
        Path jar = dir.resolve("stand-in.jar");
        try (JarOutputStream ignored = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            // The manifest is all the jar holds.
        }
        return jar;
    }
}
