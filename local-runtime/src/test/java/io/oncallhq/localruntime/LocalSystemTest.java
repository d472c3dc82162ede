package io.oncallhq.localruntime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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
        Map<String, String> env = standInSystem();
        env.put("SLACK_BOT_TOKEN", "xoxb-passed-through");
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
        assertThat(progress.toString()).contains("Kafka ready", "MongoDB ready", "postmortem-service healthy",
                "postmortem-service: " + StartupArchive.Kind.forThisJdk() + " missing, training it");
        assertThat(Files.readAllLines(logs.resolve("postmortem-service.log")))
                .as("started from the extracted jar, with its archive").contains("java.class.path="
                        + dir.resolve("repo/postmortem-service/target/startup/postmortem-service.jar"));
    }

    @Test
    void servicesStartWithoutTheirArchivesWhenTheirTrainingFailsAndSaySoOnce() throws Exception {
        Map<String, String> env = standInSystem();
        env.put("STAND_IN_TRAINING_FAILS", "true");
        ByteArrayOutputStream progress = new ByteArrayOutputStream();

        try (LocalSystem system = new LocalSystem(env, new PrintStream(progress, true))) {
            system.start();
        }

        String incidentServiceLines = progress.toString().lines()
                .filter(line -> line.startsWith("incident-service")).collect(Collectors.joining("\n"));
        assertThat(incidentServiceLines).containsOnlyOnce("incident-service starts without its "
                + StartupArchive.Kind.forThisJdk() + ": its training run exited with code 1").contains("healthy");
        assertThat(Files.readAllLines(dir.resolve("data/logs/incident-service.log")))
                .contains("java.class.path=" + dir.resolve("repo/incident-service/target/incident-service.jar"));

        ByteArrayOutputStream again = new ByteArrayOutputStream();
        env.put("LOCAL_SERVICES", "incident-service");
        try (LocalSystem system = new LocalSystem(env, new PrintStream(again, true))) {
            system.start();
        }
        assertThat(again.toString()).as("the same build is not trained again").doesNotContain("training it")
                .containsOnlyOnce("incident-service starts without its " + StartupArchive.Kind.forThisJdk()
                        + ": its training run failed for this build");
    }

    @Test
    void anArchiveOfAnotherBuildIsTrainedAgainOnce() throws Exception {
        Map<String, String> env = standInSystem();
        env.put("LOCAL_SERVICES", "incident-service");
        try (LocalSystem first = new LocalSystem(env, new PrintStream(OutputStream.nullOutputStream()))) {
            first.start();
        }
        StandInJars.create(dir.resolve("repo/incident-service/target/incident-service.jar")); // built again
        Files.setLastModifiedTime(dir.resolve("repo/incident-service/target/incident-service.jar"),
                FileTime.from(Instant.now().plusSeconds(60)));
        ByteArrayOutputStream progress = new ByteArrayOutputStream();

        try (LocalSystem second = new LocalSystem(env, new PrintStream(progress, true))) {
            second.start();
        }

        assertThat(progress.toString()).containsOnlyOnce("incident-service: " + StartupArchive.Kind.forThisJdk()
                + " from another build, training it").doesNotContain("starts without");
    }

    /** Stand-in jars as the services' and the console's jars, free ports and a data folder: the launcher's environment. */
    private Map<String, String> standInSystem() throws Exception {
        Path repo = dir.resolve("repo");
        for (String module : MODULES) {
            StandInJars.create(repo.resolve(module).resolve("target").resolve(module + ".jar"));
        }
        Map<String, String> env = new HashMap<>(Map.of(
                "REPO_DIR", repo.toString(),
                "DATA_DIR", dir.resolve("data").toString(),
                "SERVICE_JAVA_OPTS", "-Xmx32m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"));
        List.of("KAFKA_PORT", "MONGODB_PORT", "ALERT_INGEST_PORT", "INCIDENT_PORT", "NOTIFICATION_PORT",
                "POSTMORTEM_PORT", "WEB_CONSOLE_PORT")
                .forEach(variable -> env.put(variable, String.valueOf(Ports.free())));
        return env;
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
}
