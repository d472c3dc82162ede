package io.oncallhq.bench;

import io.oncallhq.localruntime.Ports;
import io.oncallhq.standins.SlackStandIn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The system as {@code ./run.sh} starts it, on free ports and a fresh data folder, with Slack stood in locally. It
 * runs in a process of its own, as {@code ./run.sh} runs it: inside the benchmark's JVM the broker shared its heap
 * and garbage collector with the load generator, and every produce request waited on the sender's allocation.
 */
final class BenchSystem implements AutoCloseable {

    static final String INTEGRATION_KEY = "bench-integration-key-000000001";
    private static final String READY = "oncallhq is running locally";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    final SlackStandIn slack = new SlackStandIn();
    final int ingestPort = Ports.free();
    final int incidentPort = Ports.free();
    /** The web console's, when the benchmark starts it. */
    final int consolePort = Ports.free();
    /** The admin bearer token of the REST APIs ({@code API_TOKEN}), generated for the run. */
    final String apiToken = "bench-" + UUID.randomUUID();
    final String kafkaBootstrapServers;
    private final int mongoPort = Ports.free();
    /** Enough connections for {@code BENCH_CLIENTS} senders at their most. */
    final HttpSenders senders = new HttpSenders(Integer.parseInt(System.getenv().getOrDefault("BENCH_CLIENTS", "8")));
    private final Process system;
    private final Path output;
    /** From starting the launcher's JVM to its ready banner. */
    final Duration readyAfter;

    BenchSystem(String services) throws IOException, InterruptedException {
        this(services, Map.of());
    }

    /** @param settings further environment of the services, for what one benchmark needs to differ */
    BenchSystem(String services, Map<String, String> settings) throws IOException, InterruptedException {
        this(services, settings, START_TIMEOUT);
    }

    /** @param startTimeout how long the launcher may take to its banner, training included */
    BenchSystem(String services, Map<String, String> settings, Duration startTimeout)
            throws IOException, InterruptedException {
        Path dataDir = Files.createTempDirectory("oncallhq-bench");
        Path repoDir = Path.of(System.getenv().getOrDefault("REPO_DIR", ".")).toAbsolutePath();
        int kafkaPort = Ports.free();
        Map<String, String> environment = new HashMap<>();
        environment.put("LOCAL_SERVICES", services);
        environment.put("DATA_DIR", dataDir.toString());
        environment.put("REPO_DIR", repoDir.toString());
        environment.put("ALERT_INGEST_PORT", String.valueOf(ingestPort));
        environment.put("KAFKA_PORT", String.valueOf(kafkaPort));
        environment.put("INCIDENT_PORT", String.valueOf(incidentPort));
        environment.put("MONGODB_PORT", String.valueOf(mongoPort));
        environment.put("WEB_CONSOLE_PORT", String.valueOf(consolePort));
        for (String variable : new String[] {"NOTIFICATION_PORT", "POSTMORTEM_PORT"}) {
            environment.put(variable, String.valueOf(Ports.free()));
        }
        environment.put("API_TOKEN", apiToken);
        environment.put("DEMO_INTEGRATION_KEY", INTEGRATION_KEY);
        environment.put("SLACK_API_URL", slack.apiUrl());
        environment.put("SLACK_BOT_TOKEN", "xoxb-bench");
        environment.put("SLACK_SIGNING_SECRET", SlackStandIn.SIGNING_SECRET);
        // The local run's JVM options favour start-up (C1 only, 256 MB); a benchmark measures the services at speed.
        environment.put("SERVICE_JAVA_OPTS", System.getenv().getOrDefault("SERVICE_JAVA_OPTS", "-Xmx512m -XX:+UseParallelGC"));
        // Measure the service, not its per-integration throttle (100 requests/s by default).
        environment.put("INGEST_RATE_LIMIT", System.getenv().getOrDefault("INGEST_RATE_LIMIT", "1000000"));
        environment.putAll(settings);
        kafkaBootstrapServers = Ports.HOST + ":" + kafkaPort;
        output = dataDir.resolve("local-system.log");
        // Started as a person starts it, so the benchmark has the launcher's JVM options and AOT cache too.
        ProcessBuilder launcher = new ProcessBuilder("bash", repoDir.resolve("run.sh").toString())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        launcher.environment().putAll(environment);
        long launched = System.nanoTime();
        system = launcher.start();
        awaitReady(startTimeout);
        readyAfter = Duration.ofNanos(System.nanoTime() - launched);
    }

    private void awaitReady(Duration startTimeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + startTimeout.toNanos();
        while (System.nanoTime() < deadline) {
            String log = Files.readString(output);
            if (log.contains(READY)) {
                System.out.println("local system ready (output in " + output + ")");
                return;
            }
            if (!system.isAlive()) {
                throw new IllegalStateException("the local system stopped while starting:\n" + log);
            }
            Thread.sleep(250);
        }
        close();
        throw new IllegalStateException("the local system was not ready within " + startTimeout + "; see " + output);
    }

    /** What the launcher printed so far: its progress, each service's time to healthy, the banner. */
    String launcherOutput() throws IOException {
        return Files.readString(output);
    }

    /** The resident memory of a service's JVM ({@code VmRSS}), in MB. */
    long residentMegabytes(String module) throws IOException {
        ProcessHandle service = system.toHandle().descendants()
                .filter(process -> process.info().commandLine().orElse("").contains("/" + module + ".jar"))
                .findFirst().orElseThrow(() -> new IllegalStateException(module + " is not running"));
        String status = Files.readString(Path.of("/proc", String.valueOf(service.pid()), "status"));
        Matcher rss = Pattern.compile("VmRSS:\\s+(\\d+) kB").matcher(status);
        if (!rss.find()) {
            throw new IllegalStateException("no VmRSS for " + module + " (pid " + service.pid() + ")");
        }
        return Long.parseLong(rss.group(1)) / 1024;
    }

    /** The MongoDB server the services use: {@code MONGODB_SERVER} when set (a real one), else the embedded one. */
    String mongoServerUri() {
        String server = System.getenv("MONGODB_SERVER");
        return server == null || server.isBlank() ? "mongodb://" + Ports.HOST + ":" + mongoPort : server;
    }

    HttpSenders.Answer postAlert(String path, String json) throws IOException {
        return senders.postJson("http://localhost:" + ingestPort + path, json);
    }

    static String genericAlert(String summary, String dedupKey) {
        return genericAlert(summary, dedupKey, "critical");
    }

    static String genericAlert(String summary, String dedupKey, String severity) {
        return "{\"summary\":\"" + summary + "\",\"severity\":\"" + severity + "\",\"dedupKey\":\"" + dedupKey
                + "\"}";
    }

    /**
     * Adds a service paged like the demo's {@code checkout-api} (team {@code payments}, schedule
     * {@code payments-primary}) the way an operator does: {@code POST /oncall-config} to incident-service, then a
     * generic webhook integration for it in alert-ingest ({@code POST /integrations}). Returns the integration key.
     */
    String addService(String serviceId, String name) throws IOException {
        return addService(serviceId, name, 0);
    }

    /** @param groupingWindowMinutes alerts of other dedup keys join the open incident within it; 0 for none */
    String addService(String serviceId, String name, int groupingWindowMinutes) throws IOException {
        String onCall = """
                services:
                  %s:
                    name: %s
                    teamId: payments
                %s    escalationPolicy:
                      levels:
                        - scheduleIds: [payments-primary]
                          delayMinutes: 15
                """.formatted(serviceId, name,
                groupingWindowMinutes > 0 ? "    groupingWindowMinutes: " + groupingWindowMinutes + "\n" : "");
        HttpSenders.Answer applied = senders.post("http://localhost:" + incidentPort + "/oncall-config?dryRun=false",
                "application/yaml", onCall, apiToken);
        if (applied.status() != 200) {
            throw new IllegalStateException("POST /oncall-config answered " + applied.status() + ": " + applied.body());
        }
        HttpSenders.Answer created = senders.post("http://localhost:" + ingestPort + "/integrations", "application/json",
                "{\"serviceId\":\"" + serviceId + "\",\"name\":\"" + name + " (generic webhook)\",\"type\":\"generic\"}",
                apiToken);
        Matcher secret = Pattern.compile("\"secret\"\\s*:\\s*\"([a-z0-9]+)\"").matcher(created.body());
        if (created.status() != 201 || !secret.find()) {
            throw new IllegalStateException("POST /integrations answered " + created.status() + ": " + created.body());
        }
        return secret.group(1);
    }

    /** Stops the system as Ctrl-C stops {@code ./run.sh}: its shutdown hook stops the services, Kafka and MongoDB. */
    @Override
    public void close() throws IOException, InterruptedException {
        senders.close();
        system.destroy();
        if (!system.waitFor(60, TimeUnit.SECONDS)) {
            system.destroyForcibly();
        }
        slack.close();
    }
}
