package io.oncallhq.localruntime;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * The one-command local run: a Kafka broker, a MongoDB-wire server with files on disk, the four services and the
 * web console, each in its own JVM. Configured through environment variables; see {@link #main}.
 */
public final class LocalSystem implements AutoCloseable {

    /** A service: its Maven module (and jar) name, the variable that sets its port, and its database (null: none). */
    private record ServiceDefinition(String module, String portVariable, int defaultPort, String database) {
    }

    private record Service(ServiceDefinition definition, int port, Path jar) {
    }

    private static final ServiceDefinition ALERT_INGEST =
            new ServiceDefinition("alert-ingest-service", "ALERT_INGEST_PORT", 8081, "alert_ingest");
    private static final ServiceDefinition INCIDENT =
            new ServiceDefinition("incident-service", "INCIDENT_PORT", 8082, "incidents");
    private static final ServiceDefinition POSTMORTEM =
            new ServiceDefinition("postmortem-service", "POSTMORTEM_PORT", 8084, "postmortems");
    private static final ServiceDefinition WEB_CONSOLE = new ServiceDefinition("web-console", "WEB_CONSOLE_PORT", 8085, null);
    private static final List<ServiceDefinition> SERVICES = List.of(ALERT_INGEST, INCIDENT,
            new ServiceDefinition("notification-service", "NOTIFICATION_PORT", 8083, "notifications"), POSTMORTEM,
            WEB_CONSOLE);

    private static final String DEMO_ALERT =
            "{\"summary\":\"Checkout latency above 2s\",\"severity\":\"critical\",\"dedupKey\":\"checkout-latency\"}";

    private final Map<String, String> environment;
    private final PrintStream out;
    private final Path dataDir;
    private final int kafkaPort;
    private final int mongoPort;
    private final List<Service> serviceSet;

    private String integrationKey;
    private String apiToken;
    private String demoResponderToken;
    private Duration readyIn;
    private String kafkaBootstrapServers;
    private String mongoServerUri;

    // What has been started so far; close() takes it over, also while start() is still running.
    private boolean closed;
    private LocalMongo mongo;
    private LocalKafka kafka;
    private ExecutorService trainingRuns;
    private final List<ServiceProcess> services = new ArrayList<>();

    /**
     * @param environment the settings (see {@link #main}); also passed on to every service
     * @param out         where progress and the ready banner go
     */
    public LocalSystem(Map<String, String> environment, PrintStream out) {
        this.environment = Map.copyOf(environment);
        this.out = out;
        Path repoDir = Path.of(environment.getOrDefault("REPO_DIR", ".")).toAbsolutePath().normalize();
        this.dataDir = Path.of(environment.getOrDefault("DATA_DIR", ".data")).toAbsolutePath().normalize();
        this.kafkaPort = port("KAFKA_PORT", 9092);
        this.mongoPort = port("MONGODB_PORT", 27017);
        List<String> selected = List.of(environment.getOrDefault("LOCAL_SERVICES",
                SERVICES.stream().map(ServiceDefinition::module).collect(Collectors.joining(","))).split(","));
        this.serviceSet = SERVICES.stream()
                .filter(definition -> selected.contains(definition.module()))
                .map(definition -> new Service(definition, port(definition.portVariable(), definition.defaultPort()),
                        repoDir.resolve(definition.module()).resolve("target").resolve(definition.module() + ".jar")))
                .toList();
    }

    /**
     * Starts everything and prints where it listens; Ctrl-C stops it all. Environment:
     * {@code ALERT_INGEST_PORT} (8081), {@code INCIDENT_PORT} (8082), {@code NOTIFICATION_PORT} (8083),
     * {@code POSTMORTEM_PORT} (8084), {@code WEB_CONSOLE_PORT} (8085), {@code KAFKA_PORT} (9092), {@code MONGODB_PORT} (27017),
     * {@code DATA_DIR} (./.data), {@code KAFKA_BOOTSTRAP_SERVERS} and {@code MONGODB_SERVER} (a
     * {@code mongodb://host:port} URI; the database names are appended) to use a running broker or database instead
     * of starting the embedded ones, {@code REPO_DIR} (the working directory, where the service modules are built),
     * {@code DEMO_INTEGRATION_KEY} and {@code API_TOKEN} (the admin bearer token, also the services' token for their
     * calls to each other), {@code DEMO_RESPONDER_TOKEN} (the demo responder's own token; each generated once, kept
     * in the data dir), {@code DEMO_SLACK_USER_ID} (U0DEMO0001), {@code SERVICE_JAVA_OPTS},
     * {@code SERVICE_STARTUP_ARCHIVE} ({@code aot} on JDK 24+, else {@code cds}; {@code none}),
     * {@code SERVICE_LOGS_TO_CONSOLE} (false), and the services' own
     * settings such as {@code SLACK_BOT_TOKEN}, which are passed through.
     */
    public static void main(String[] args) throws InterruptedException {
        // Must be set before the first logger exists; a plain logback.xml would also configure library users.
        System.setProperty("logback.configurationFile", "local-runtime-logback.xml");
        try {
            LocalSystem system = new LocalSystem(System.getenv(), System.out);
            Runtime.getRuntime().addShutdownHook(new Thread(system::close, "local-system-stop"));
            system.start();
            System.out.println(system.banner());
        } catch (IllegalStateException | IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
        Thread.currentThread().join(); // until Ctrl-C; the shutdown hook stops everything
    }

    /**
     * Starts Kafka, MongoDB and the services and returns when all services are healthy. On failure everything
     * started so far is stopped again and the exception (with the failing service's log tail) is thrown.
     */
    public void start() throws IOException, InterruptedException {
        long startedAt = System.nanoTime();
        try {
            requireJars();
            requireFreePorts();
            integrationKey = LocalSecret.resolve(environment.get("DEMO_INTEGRATION_KEY"),
                    dataDir.resolve("demo-integration-key"));
            apiToken = LocalSecret.resolve(environment.get("API_TOKEN"), dataDir.resolve("api-token"));
            demoResponderToken = LocalSecret.resolve(environment.get("DEMO_RESPONDER_TOKEN"),
                    dataDir.resolve("demo-responder-token"));

            String mongoServer = environment.get("MONGODB_SERVER");
            if (isBlank(mongoServer)) {
                long step = System.nanoTime();
                LocalMongo startedMongo = LocalMongo.start(dataDir.resolve("mongo").resolve("mongo.mv"), mongoPort);
                synchronized (this) {
                    mongo = startedMongo;
                }
                mongoServer = "mongodb://" + Ports.HOST + ":" + startedMongo.port();
                out.printf("MongoDB ready on %s:%d (%s)%n", Ports.HOST, mongoPort, format(since(step)));
                ensureNotClosed();
            }

            String kafkaServers = environment.get("KAFKA_BOOTSTRAP_SERVERS");
            if (isBlank(kafkaServers)) {
                long step = System.nanoTime();
                LocalKafka startedKafka = LocalKafka.start(dataDir.resolve("kafka"), kafkaPort);
                synchronized (this) {
                    kafka = startedKafka;
                }
                kafkaServers = startedKafka.bootstrapServers();
                out.printf("Kafka ready on %s (%s)%n", kafkaServers, format(since(step)));
                ensureNotClosed();
            }
            kafkaBootstrapServers = kafkaServers;
            mongoServerUri = mongoServer;

            out.printf("Starting %s (logs in %s)%n",
                    serviceSet.stream().map(s -> s.definition().module()).collect(Collectors.joining(", ")), logDir());
            awaitHealthy(launchServices());
            readyIn = since(startedAt);
        } catch (IOException | InterruptedException | RuntimeException e) {
            close();
            throw e;
        }
    }

    public String demoIntegrationKey() {
        return integrationKey;
    }

    /** The admin bearer token of the REST APIs; only meaningful after {@link #start}. */
    public String apiToken() {
        return apiToken;
    }

    /** The demo responder's (Alex Rivera's) own bearer token; only meaningful after {@link #start}. */
    public String demoResponderToken() {
        return demoResponderToken;
    }

    /** The broker the services use, embedded or given; only meaningful after {@link #start}. */
    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    /** Where everything listens, the demo key and a curl to try it; only meaningful after {@link #start}. */
    public String banner() {
        String rule = "=".repeat(100);
        StringBuilder text = new StringBuilder().append(rule).append('\n')
                .append(String.format(" oncallhq is running locally (ready in %s)%n%n", format(readyIn)));
        for (Service service : serviceSet) {
            String url = "http://" + Ports.HOST + ":" + service.port();
            text.append(String.format("   %-22s %-24s health %s/actuator/health%n",
                    service.definition().module(), url, url));
        }
        text.append('\n')
                .append(String.format(" %-22s %s%n", "Kafka bootstrap", kafkaBootstrapServers))
                .append(String.format(" %-22s %s (databases: %s)%n", "MongoDB", mongoServerUri,
                        serviceSet.stream().map(s -> s.definition().database()).filter(Objects::nonNull)
                                .collect(Collectors.joining(", "))))
                .append(String.format(" %-22s %s%n", "Data dir", dataDir))
                .append(String.format(" %-22s %s%n", "Logs", logDir()))
                .append(String.format(" %-22s %s%n", "Slack", slackDescription()))
                .append(String.format(" %-22s %s%n", "Demo integration key", integrationKey))
                .append(String.format(" %-22s %s%n", "Admin API token", apiToken))
                .append(String.format(" %-22s %s (Alex Rivera, responder alex: acts as alex, e.g. to review)%n%n",
                        "Demo responder token", demoResponderToken))
                .append(" Send a demo alert:\n")
                .append(String.format("   curl -i -X POST http://%s:%d/integrations/%s/generic \\%n",
                        Ports.HOST, portOf(ALERT_INGEST), integrationKey))
                .append("     -H 'Content-Type: application/json' \\\n")
                .append("     -d '").append(DEMO_ALERT).append("'\n")
                .append(" See its incident (every REST API needs the token):\n")
                .append(String.format("   curl -s http://%s:%d/incidents -H 'Authorization: Bearer %s'%n%n",
                        Ports.HOST, portOf(INCIDENT), apiToken))
                .append(serviceSet.stream().anyMatch(s -> s.definition() == WEB_CONSOLE)
                        ? String.format(" Or open the web console, http://%s:%d, and sign in with the demo responder token"
                                + " (or the admin API token).%n%n", Ports.HOST, portOf(WEB_CONSOLE)) : "")
                .append(" Ctrl-C stops everything.\n")
                .append(rule);
        return text.toString();
    }

    /** Stops the services (gracefully, in parallel), then Kafka (controlled shutdown), then MongoDB. */
    @Override
    public void close() {
        List<ServiceProcess> servicesToStop;
        LocalKafka kafkaToStop;
        LocalMongo mongoToStop;
        synchronized (this) {
            closed = true;
            if (trainingRuns != null) {
                trainingRuns.shutdownNow(); // interrupts the waits, which stop their training runs
            }
            servicesToStop = List.copyOf(services);
            services.clear();
            kafkaToStop = kafka;
            kafka = null;
            mongoToStop = mongo;
            mongo = null;
        }
        if (servicesToStop.isEmpty() && kafkaToStop == null && mongoToStop == null) {
            return;
        }
        out.println("Stopping the local system...");
        try (ExecutorService stopping = Executors.newVirtualThreadPerTaskExecutor()) {
            servicesToStop.forEach(service -> stopping.submit(service::stop));
        }
        if (kafkaToStop != null) {
            kafkaToStop.close();
        }
        if (mongoToStop != null) {
            mongoToStop.close();
        }
        out.println("Stopped.");
    }

    private List<ServiceProcess> launchServices() throws IOException, InterruptedException {
        boolean echo = Boolean.parseBoolean(environment.getOrDefault("SERVICE_LOGS_TO_CONSOLE", "false"));
        Map<Service, StartupArchive> archives = readyArchives();
        List<ServiceProcess> launched = new ArrayList<>();
        for (Service service : serviceSet) {
            String name = service.definition().module();
            ServiceProcess process = ServiceProcess.start(name, archives.get(service).javaArguments(),
                    service.port(), serviceEnvironment(service), logDir().resolve(name + ".log"), echo);
            synchronized (this) {
                services.add(process);
            }
            ensureNotClosed();
            launched.add(process);
        }
        return launched;
    }

    /**
     * Each service's start-up archive ({@code SERVICE_STARTUP_ARCHIVE}), trained first where it is missing or from
     * another build: once per build, all at once, with the broker and database up. A service whose training fails
     * starts without; one line says so.
     */
    private Map<Service, StartupArchive> readyArchives() throws InterruptedException {
        StartupArchive.Kind kind = StartupArchive.Kind.parse(environment.get("SERVICE_STARTUP_ARCHIVE"));
        List<String> jvmOptions = ServiceProcess.jvmOptions(environment);
        Map<Service, StartupArchive> archives = new LinkedHashMap<>();
        serviceSet.forEach(service -> archives.put(service, new StartupArchive(service.jar(), kind, jvmOptions)));
        if (kind == StartupArchive.Kind.NONE) {
            return archives;
        }
        long step = System.nanoTime();
        ExecutorService training = Executors.newVirtualThreadPerTaskExecutor();
        synchronized (this) {
            trainingRuns = training;
        }
        try {
            List<Future<?>> runs = new ArrayList<>();
            archives.forEach((service, archive) -> runs.add(training.submit(() -> {
                String name = service.definition().module();
                StartupArchive.State state = archive.state();
                if (state == StartupArchive.State.USABLE) {
                    return null;
                }
                if (state == StartupArchive.State.TRAINING_FAILED) {
                    out.printf("%s starts without its %s: its training run failed for this build (see %s)%n", name,
                            kind, trainingLog(name));
                    return null;
                }
                out.printf("%s: %s %s, training it (once per build; log in %s)%n", name, kind,
                        state == StartupArchive.State.MISSING ? "missing" : "from another build", trainingLog(name));
                archive.train(serviceEnvironment(service), trainingLog(name)).ifPresentOrElse(
                        failure -> out.printf("%s starts without its %s: %s%n", name, kind, failure),
                        () -> out.printf("%s: %s trained (%s)%n", name, kind, format(since(step))));
                return null;
            })));
            for (Future<?> run : runs) {
                run.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("Training a start-up archive failed", e.getCause());
        } finally {
            training.shutdownNow(); // after a failure or close(): a training run still going is stopped
        }
        return archives;
    }

    /** The service's settings: the launcher's environment plus where the broker, its database and the others are. */
    private Map<String, String> serviceEnvironment(Service service) {
        String incidentServiceUrl = "http://" + Ports.HOST + ":" + portOf(INCIDENT);
        Map<String, String> env = new HashMap<>(environment);
        env.put("SERVER_PORT", String.valueOf(service.port()));
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers);
        if (service.definition().database() != null) {
            env.put("MONGODB_URI", mongoServerUri + "/" + service.definition().database());
        }
        env.put("DEMO_SEED", "true");
        env.put("DEMO_INTEGRATION_KEY", integrationKey);
        // One admin token for people and for the services' calls to each other (SECURITY.md).
        env.put("API_TOKEN", apiToken);
        env.put("SERVICE_API_TOKEN", apiToken);
        // Who acts comes from the token, so the demo responder of the seeded on-call model has one of their own.
        env.put("ONCALLHQ_SECURITY_APITOKENS_0_NAME", "Alex Rivera");
        env.put("ONCALLHQ_SECURITY_APITOKENS_0_ROLE", "responder");
        env.put("ONCALLHQ_SECURITY_APITOKENS_0_RESPONDERID", "alex");
        env.put("ONCALLHQ_SECURITY_APITOKENS_0_SHA256", sha256Hex(demoResponderToken));
        env.put("DEMO_SLACK_USER_ID", environment.getOrDefault("DEMO_SLACK_USER_ID", "U0DEMO0001"));
        env.put("INCIDENT_SERVICE_URL", incidentServiceUrl);
        // The web console calls the services' APIs for the person signed in.
        env.put("ALERT_INGEST_API_URL", "http://" + Ports.HOST + ":" + portOf(ALERT_INGEST));
        env.put("INCIDENT_SERVICE_API_URL", incidentServiceUrl);
        env.put("POSTMORTEM_SERVICE_API_URL", "http://" + Ports.HOST + ":" + portOf(POSTMORTEM));
        return env;
    }

    private Path trainingLog(String service) {
        return logDir().resolve(service + "-training.log");
    }

    /** Waits for all services at once and fails as soon as any one of them fails. */
    private void awaitHealthy(List<ServiceProcess> launched) throws InterruptedException {
        long step = System.nanoTime();
        ExecutorService waiting = Executors.newVirtualThreadPerTaskExecutor();
        try {
            CompletionService<ServiceProcess> healthy = new ExecutorCompletionService<>(waiting);
            for (ServiceProcess service : launched) {
                healthy.submit(() -> {
                    service.awaitHealthy(ServiceProcess.DEFAULT_START_TIMEOUT);
                    return service;
                });
            }
            for (int i = 0; i < launched.size(); i++) {
                ServiceProcess service = healthy.take().get();
                out.printf("%s healthy on %s (%s)%n", service.name(), service.baseUrl(), format(since(step)));
                service.onExit().thenAccept(process -> reportUnexpectedExit(service, process.exitValue()));
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } finally {
            waiting.shutdownNow(); // interrupts the waits that are still running after a failure
        }
    }

    private void reportUnexpectedExit(ServiceProcess service, int exitCode) {
        synchronized (this) {
            if (closed) {
                return;
            }
        }
        out.printf("%s exited unexpectedly with code %d; see %s%n", service.name(), exitCode, service.logFile());
    }

    private void requireJars() {
        List<Path> missing = serviceSet.stream().map(Service::jar).filter(jar -> !Files.isRegularFile(jar)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Missing service jar(s):\n  "
                    + missing.stream().map(Path::toString).collect(Collectors.joining("\n  "))
                    + "\nBuild them first, from the repository root: ./mvnw -q -B -DskipTests install"
                    + "   (or run ./run.sh --build)");
        }
    }

    private void requireFreePorts() {
        if (isBlank(environment.get("KAFKA_BOOTSTRAP_SERVERS"))) {
            Ports.requireFree(kafkaPort, "KAFKA_PORT");
        }
        if (isBlank(environment.get("MONGODB_SERVER"))) {
            Ports.requireFree(mongoPort, "MONGODB_PORT");
        }
        serviceSet.forEach(service -> Ports.requireFree(service.port(), service.definition().portVariable()));
    }

    private synchronized void ensureNotClosed() {
        if (closed) {
            throw new CancellationException("Stopped while starting");
        }
    }

    private String slackDescription() {
        String token = environment.get("SLACK_BOT_TOKEN");
        return token == null || token.isBlank()
                ? "console channel: pages are written to the notification-service log (set SLACK_BOT_TOKEN for Slack)"
                : "real Slack (SLACK_BOT_TOKEN is set)";
    }

    private int portOf(ServiceDefinition definition) {
        return port(definition.portVariable(), definition.defaultPort());
    }

    private Path logDir() {
        return dataDir.resolve("logs");
    }

    private int port(String variable, int defaultPort) {
        String value = environment.get(variable);
        if (value == null || value.isBlank()) {
            return defaultPort;
        }
        try {
            int port = Integer.parseInt(value.strip());
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(variable + " must be a port number (1-65535), not '" + value + "'");
    }

    private static String sha256Hex(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static Duration since(long nanoTime) {
        return Duration.ofNanos(System.nanoTime() - nanoTime);
    }

    private static String format(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }
}
