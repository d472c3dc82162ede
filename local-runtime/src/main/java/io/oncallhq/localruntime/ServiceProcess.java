package io.oncallhq.localruntime;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A service running in a child JVM (the same Java as this one), with its output in a log file, that counts
 * as started once {@code GET /actuator/health} answers 200.
 */
public final class ServiceProcess implements AutoCloseable {

    /**
     * Small, quick-starting JVMs: several run side by side on a laptop. C1 only and a serial collector suit a local
     * run's light load (never a production image's). Resident memory is kept low by a heap that starts small and
     * grows only as far as the live data needs (a 16 MB young generation, at most 10% of the heap left free after a
     * full collection, given back in one step: each service runs one once ready, see service-runtime), soft references
     * kept only while in use (10 ms per free MB: the start's reflection data goes with that collection), the C library's
     * free memory given back every 5 s (JDK 22+), small thread stacks, and on JDK 25 8-byte object headers. Without
     * the heap settings the collector sized the heap to the machine and a service held 50-60 MB more after start
     * (bench/run.sh startup).
     */
    public static final String DEFAULT_JVM_OPTIONS = "-Xms32m -Xmn16m -Xmx256m -XX:MinHeapFreeRatio=10"
            + " -XX:MaxHeapFreeRatio=10 -XX:-ShrinkHeapInSteps -XX:SoftRefLRUPolicyMSPerMB=10 -Xss512k"
            + " -XX:+UseSerialGC -XX:TieredStopAtLevel=1"
            + (Runtime.version().feature() >= 22 ? " -XX:TrimNativeHeapInterval=5000" : "")
            + (Runtime.version().feature() >= 25 ? " -XX:+UseCompactObjectHeaders" : "");
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(120);

    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final int TAIL_LINES = 40;

    private final String name;
    private final int port;
    private final Path logFile;
    private final Process process;
    private final Thread outputPump;
    private final Deque<String> tail = new ArrayDeque<>();

    private ServiceProcess(String name, int port, Path logFile, Process process, boolean echoToConsole) {
        this.name = name;
        this.port = port;
        this.logFile = logFile;
        this.process = process;
        this.outputPump = Thread.ofPlatform().daemon().name(name + "-output")
                .start(() -> pumpOutput(echoToConsole));
    }

    /**
     * Launches {@code java <jvm options> <javaArguments>}.
     *
     * @param javaArguments what follows the JVM options, e.g. {@code -jar app.jar} or {@code -cp dir Main}
     * @param port          the HTTP port the service listens on (its environment has to say so)
     * @param environment   added to this process's environment; {@code SERVICE_JAVA_OPTS} in it replaces
     *                      {@link #DEFAULT_JVM_OPTIONS}
     * @param logFile       receives stdout and stderr, replaced on each start
     * @param echoToConsole also print each line to this process's stdout, prefixed with the name
     */
    public static ServiceProcess start(String name, List<String> javaArguments, int port,
                                       Map<String, String> environment, Path logFile, boolean echoToConsole)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvmOptions(environment));
        command.addAll(javaArguments);

        Files.createDirectories(logFile.toAbsolutePath().getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        return new ServiceProcess(name, port, logFile, builder.start(), echoToConsole);
    }

    /** The JVM options of a service: {@code SERVICE_JAVA_OPTS} in {@code environment}, else {@link #DEFAULT_JVM_OPTIONS}. */
    public static List<String> jvmOptions(Map<String, String> environment) {
        String options = environment.getOrDefault("SERVICE_JAVA_OPTS", DEFAULT_JVM_OPTIONS);
        return Arrays.stream(options.trim().split("\\s+")).filter(option -> !option.isEmpty()).toList();
    }

    /** The same Java as this JVM's. */
    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public URI baseUrl() {
        return URI.create("http://" + Ports.HOST + ":" + port);
    }

    public URI healthUrl() {
        return baseUrl().resolve("/actuator/health");
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Completes when the process has exited, for whatever reason. */
    public CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    /**
     * Waits until the health endpoint answers 200.
     *
     * @throws IllegalStateException when the process exits first or the timeout passes; the message holds
     *                               the last lines of its output
     */
    public void awaitHealthy(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest request = HttpRequest.newBuilder(healthUrl()).timeout(Duration.ofSeconds(2)).build();
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
            while (true) {
                if (!process.isAlive()) {
                    throw failure(name + " exited with code " + process.exitValue() + " before it became healthy");
                }
                if (answersOk(client, request)) {
                    return;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw failure(name + " did not answer 200 on " + healthUrl() + " within "
                            + timeout.toSeconds() + " s");
                }
                Thread.sleep(POLL_INTERVAL);
            }
        }
    }

    /** The last lines the process printed, oldest first. */
    public List<String> logTail() {
        synchronized (tail) {
            return List.copyOf(tail);
        }
    }

    /** SIGTERM, so the service shuts down gracefully; killed only if it has not exited after 30 s. */
    public void stop() {
        // Through the handle: Process.destroy() would also close the output pipe and lose the shutdown log.
        process.toHandle().destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
            outputPump.join(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static boolean answersOk(HttpClient client, HttpRequest request) throws InterruptedException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        }
    }

    private IllegalStateException failure(String what) throws InterruptedException {
        if (!process.isAlive()) {
            outputPump.join(Duration.ofSeconds(2)); // the last lines explain most deaths
        }
        return new IllegalStateException(what + ". Last lines of " + logFile.toAbsolutePath() + ":\n"
                + String.join("\n", logTail()));
    }

    private void pumpOutput(boolean echoToConsole) {
        try (BufferedReader reader = process.inputReader(); BufferedWriter log = Files.newBufferedWriter(logFile)) {
            String line;
            while ((line = reader.readLine()) != null) {
                log.write(line);
                log.newLine();
                log.flush();
                remember(line);
                if (echoToConsole) {
                    System.out.println("[" + name + "] " + line);
                }
            }
        } catch (IOException e) {
            remember("(output of " + name + " could not be read: " + e + ")");
        }
    }

    private void remember(String line) {
        synchronized (tail) {
            if (tail.size() == TAIL_LINES) {
                tail.removeFirst();
            }
            tail.addLast(line);
        }
    }
}
