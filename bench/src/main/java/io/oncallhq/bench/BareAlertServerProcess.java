package io.oncallhq.bench;

import io.oncallhq.localruntime.Ports;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** {@link BareAlertServer} in a JVM of its own, with the services' benchmark JVM options, as the services run. */
final class BareAlertServerProcess implements AutoCloseable {

    final String url;
    private final Process process;

    BareAlertServerProcess(String kafkaBootstrapServers) throws IOException, InterruptedException {
        int port = Ports.free();
        url = "http://127.0.0.1:" + port + "/alerts";
        Path output = Files.createTempFile("oncallhq-bench-bare-server", ".log");
        process = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m", "-XX:+UseParallelGC", "-cp", benchJar().toString(), BareAlertServer.class.getName(),
                String.valueOf(port), kafkaBootstrapServers)
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!Files.readString(output).contains(BareAlertServer.LISTENING)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                close();
                throw new IllegalStateException("the bare alert server did not start:\n" + Files.readString(output));
            }
            Thread.sleep(100);
        }
    }

    /** The jar this class runs from: its manifest names the dependencies. */
    private static Path benchJar() {
        try {
            return Path.of(BareAlertServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
