package io.oncallhq.bench;

import io.oncallhq.localruntime.LocalSystem;
import io.oncallhq.localruntime.Ports;
import io.oncallhq.slackstandin.SlackStandIn;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

/** The system as {@code ./run.sh} starts it, on free ports and a fresh data folder, with Slack stood in locally. */
final class BenchSystem implements AutoCloseable {

    static final String INTEGRATION_KEY = "bench-integration-key-000000001";

    final SlackStandIn slack = new SlackStandIn();
    final LocalSystem system;
    final int ingestPort = Ports.free();
    /** Enough connections for {@code BENCH_CLIENTS} senders at their most. */
    final HttpSenders senders = new HttpSenders(Integer.parseInt(System.getenv().getOrDefault("BENCH_CLIENTS", "8")));

    BenchSystem(String services) throws IOException, InterruptedException {
        this(services, Map.of());
    }

    /** @param settings further environment of the services, for what one benchmark needs to differ */
    BenchSystem(String services, Map<String, String> settings) throws IOException, InterruptedException {
        Map<String, String> environment = new HashMap<>();
        environment.put("LOCAL_SERVICES", services);
        environment.put("DATA_DIR", Files.createTempDirectory("oncallhq-bench").toString());
        environment.put("REPO_DIR", System.getenv().getOrDefault("REPO_DIR", "."));
        environment.put("ALERT_INGEST_PORT", String.valueOf(ingestPort));
        for (String variable : new String[] {"INCIDENT_PORT", "NOTIFICATION_PORT", "POSTMORTEM_PORT", "KAFKA_PORT", "MONGODB_PORT"}) {
            environment.put(variable, String.valueOf(Ports.free()));
        }
        environment.put("DEMO_INTEGRATION_KEY", INTEGRATION_KEY);
        environment.put("SLACK_API_URL", slack.apiUrl());
        environment.put("SLACK_BOT_TOKEN", "xoxb-bench");
        environment.put("SLACK_SIGNING_SECRET", SlackStandIn.SIGNING_SECRET);
        // The local run's JVM options favour start-up (C1 only, 256 MB); a benchmark measures the services at speed.
        environment.put("SERVICE_JAVA_OPTS", System.getenv().getOrDefault("SERVICE_JAVA_OPTS", "-Xmx512m -XX:+UseParallelGC"));
        // Measure the service, not its per-integration throttle (100 requests/s by default).
        environment.put("INGEST_RATE_LIMIT", System.getenv().getOrDefault("INGEST_RATE_LIMIT", "1000000"));
        environment.putAll(settings);
        system = new LocalSystem(environment, System.out);
        system.start();
    }

    HttpSenders.Answer postAlert(String path, String json) throws IOException {
        return senders.postJson("http://localhost:" + ingestPort + path, json);
    }

    static String genericAlert(String summary, String dedupKey) {
        return "{\"summary\":\"" + summary + "\",\"severity\":\"critical\",\"dedupKey\":\"" + dedupKey + "\"}";
    }

    @Override
    public void close() throws IOException {
        senders.close();
        system.close();
        slack.close();
    }
}
