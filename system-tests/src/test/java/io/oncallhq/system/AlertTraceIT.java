package io.oncallhq.system;

import io.oncallhq.localruntime.LocalSystem;
import io.oncallhq.localruntime.Ports;
import io.oncallhq.standins.SlackCall;
import io.oncallhq.standins.SlackStandIn;
import io.oncallhq.system.OtlpReceiver.ReceivedSpan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One trace per alert, on the embedded broker and database: a monitoring system sends the alert's firing within one
 * trace ({@code traceparent}) and, later, its resolution within another. The firing's trace goes on through ingest,
 * Kafka, incident-service's outbox relay, notification-service to the Slack Web API; the post-mortem drafted when the
 * resolution arrives joins that trace too, linked from the resolution's. The services export their spans over OTLP to
 * a stand-in collector, and Slack's stand-in shows the {@code traceparent} on the wire.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertTraceIT {

    private static final String INTEGRATION_KEY = "trace-test-integration-key-00001";
    private static final String ALERT = "{\"summary\":\"Checkout latency above 2s\",\"severity\":\"critical\","
            + "\"dedupKey\":\"checkout-latency\",\"action\":\"%s\"}";

    private final SlackStandIn slack = new SlackStandIn();
    private final OtlpReceiver collector = new OtlpReceiver();
    private final Map<String, String> environment = new HashMap<>();
    private LocalSystem system;

    AlertTraceIT() throws IOException {
    }

    @BeforeAll
    void startSystem() throws IOException, InterruptedException {
        for (String port : List.of("ALERT_INGEST_PORT", "INCIDENT_PORT", "NOTIFICATION_PORT", "POSTMORTEM_PORT",
                "KAFKA_PORT", "MONGODB_PORT")) {
            environment.put(port, String.valueOf(Ports.free()));
        }
        environment.put("REPO_DIR", System.getProperty("repo.dir", ".."));
        // The web console has browser tests of its own (WebConsoleBrowserIT); this scenario needs only the services.
        environment.put("LOCAL_SERVICES", "alert-ingest-service,incident-service,notification-service,postmortem-service");
        environment.put("DATA_DIR", Files.createTempDirectory("oncallhq-trace-test").toString());
        environment.put("DEMO_INTEGRATION_KEY", INTEGRATION_KEY);
        environment.put("API_TOKEN", Http.API_TOKEN);
        environment.put("SLACK_API_URL", slack.apiUrl());
        environment.put("SLACK_BOT_TOKEN", "xoxb-trace-test");
        environment.put("OTLP_EXPORT_ENABLED", "true");
        environment.put("OTEL_EXPORTER_OTLP_ENDPOINT", collector.endpoint());
        environment.put("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_SCHEDULE_DELAY", "200ms");
        system = new LocalSystem(environment, new PrintStream(System.out, true));
        system.start();
    }

    @AfterAll
    void stopSystem() {
        if (system != null) {
            system.close();
        }
        slack.close();
        collector.close();
    }

    @Test
    void theSlackPageAndThePostmortemDraftAreInTheFiringsTraceAndTheResolutionsTraceLinksToTheDraft() {
        String firingTrace = randomHex(16);
        String firingSpan = randomHex(8);
        String resolutionTrace = randomHex(16);
        String resolutionSpan = randomHex(8);

        assertThat(sendAlert("trigger", firingTrace, firingSpan)).isEqualTo(202);
        SlackCall page = await().atMost(Duration.ofSeconds(60))
                .until(() -> slack.calls("chat.postMessage"), calls -> !calls.isEmpty()).getFirst();
        assertThat(page.traceparent()).startsWith("00-" + firingTrace + "-");

        assertThat(sendAlert("resolve", resolutionTrace, resolutionSpan)).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(this::aPostmortemExists);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(collector.spans("draft post-mortem"))
                .filteredOn(span -> !span.links().isEmpty()).singleElement().satisfies(draft -> {
                    assertThat(draft.service()).isEqualTo("postmortem-service");
                    assertThat(draft.traceId()).isEqualTo(firingTrace);
                    assertThat(draft.links()).singleElement().satisfies(link -> {
                        assertThat(link.traceId()).isEqualTo(resolutionTrace);
                        assertThat(collector.spansOf("postmortem-service")).extracting(ReceivedSpan::spanId)
                                .contains(link.spanId());
                    });
                }));
        await().atMost(Duration.ofSeconds(60)).until(() -> !collector.spans("chat.postMessage").isEmpty());

        assertThat(collector.spansOf("alert-ingest-service"))
                .anySatisfy(span -> assertThat(span.parentSpanId()).isEqualTo(firingSpan))
                .anySatisfy(span -> assertThat(span.parentSpanId()).isEqualTo(resolutionSpan));
        // Ingest sends a request's records in one producer span; incident-service's span for the record is its child.
        assertThat(collector.spans("alerts send")).filteredOn(span -> span.traceId().equals(firingTrace)).singleElement()
                .satisfies(send -> {
                    assertThat(send.service()).isEqualTo("alert-ingest-service");
                    assertThat(collector.spansOf("incident-service")).extracting(ReceivedSpan::parentSpanId)
                            .contains(send.spanId());
                });
        // The page is in the firing's trace; the line the resolution adds to the page's thread is in the resolution's.
        assertThat(collector.spans("chat.postMessage"))
                .allSatisfy(span -> assertThat(span.service()).isEqualTo("notification-service"))
                .extracting(ReceivedSpan::traceId).contains(firingTrace).isSubsetOf(firingTrace, resolutionTrace);
        assertThat(collector.spans("draft post-mortem")).allSatisfy(span -> assertThat(span.traceId()).isEqualTo(firingTrace));
        assertThat(collector.spansOf("incident-service")).extracting(ReceivedSpan::traceId)
                .contains(firingTrace, resolutionTrace);
    }

    private int sendAlert(String action, String traceId, String parentSpanId) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url("ALERT_INGEST_PORT",
                        "/integrations/" + INTEGRATION_KEY + "/generic")))
                .header("Content-Type", "application/json")
                .header("traceparent", "00-" + traceId + "-" + parentSpanId + "-01")
                .POST(HttpRequest.BodyPublishers.ofString(ALERT.formatted(action)))
                .build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private boolean aPostmortemExists() {
        return Http.get(url("POSTMORTEM_PORT", "/postmortems")).body().contains("\"incidentId\"");
    }

    private String url(String portVariable, String path) {
        return "http://localhost:" + environment.get(portVariable) + path;
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
