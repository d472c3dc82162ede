package io.oncallhq.ingest;

import io.oncallhq.contracts.alert.AlertResolved;
import io.oncallhq.contracts.alert.AlertTriggered;
import io.oncallhq.ingest.heartbeat.Heartbeats;
import io.oncallhq.ingest.heartbeat.OverdueHeartbeats;
import io.oncallhq.ingest.publishing.EventPublisher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** Overdue checks run here as separate checkers with their own clocks, like replicas checking at a later time. */
class HeartbeatIT extends RunningIngestService {

    @Autowired
    Heartbeats heartbeats;
    @Autowired
    EventPublisher publisher;

    private final List<String> createdIds = new ArrayList<>();

    @AfterEach
    void deleteHeartbeats() throws Exception {
        for (String id : createdIds) {
            send("DELETE", "/integrations/" + id);
        }
    }

    @Test
    void anOverduePingRaisesExactlyOneAlertEvenWithTwoCheckersRacing() throws Exception {
        String[] heartbeat = heartbeatEvery(60, 30);
        Clock later = Clock.fixed(Instant.now().plus(Duration.ofMinutes(5)), ZoneOffset.UTC);

        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> checker(later).raiseOverdue());
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> checker(later).raiseOverdue());

        assertThat(first.get() + second.get()).isEqualTo(1);
        assertThat(checker(later).raiseOverdue()).isZero();
        assertThat(eventsWithDedupKey("heartbeat:v1:" + heartbeat[0]))
                .singleElement()
                .satisfies(event -> {
                    AlertTriggered alert = (AlertTriggered) event.data();
                    assertThat(alert.serviceId()).isEqualTo("nightly-backup");
                    assertThat(alert.integrationType()).isEqualTo("heartbeat");
                });
    }

    @Test
    void theNextPingResolvesTheOverdueAlert() throws Exception {
        String[] heartbeat = heartbeatEvery(60, 0);
        checker(Clock.fixed(Instant.now().plus(Duration.ofMinutes(2)), ZoneOffset.UTC)).raiseOverdue();

        HttpResponse<String> ping = send("GET", "/integrations/" + heartbeat[1] + "/heartbeat");

        assertThat(ping.statusCode()).as(ping.body()).isEqualTo(200);
        assertThat(json(ping).path("state").asString()).isEqualTo("up");
        assertThat(eventsWithDedupKey("heartbeat:v1:" + heartbeat[0]))
                .extracting(event -> (Object) event.data().getClass())
                .containsExactly(AlertTriggered.class, AlertResolved.class);
    }

    @Test
    void aPingOnTimeRaisesAndResolvesNothing() throws Exception {
        String[] heartbeat = heartbeatEvery(60, 0);
        CLOCK.advance(Duration.ofSeconds(50));

        assertThat(send("POST", "/integrations/" + heartbeat[1] + "/heartbeat").statusCode()).isEqualTo(200);

        Instant pastTheFirstDueTime = CLOCK.instant().plus(Duration.ofSeconds(40)); // 90 s after the start, 40 s after the ping
        assertThat(checker(Clock.fixed(pastTheFirstDueTime, ZoneOffset.UTC)).raiseOverdue()).isZero();
        assertThat(eventsWithDedupKey("heartbeat:v1:" + heartbeat[0])).isEmpty();
    }

    @Test
    void aPausedHeartbeatNeverRaises() throws Exception {
        String[] heartbeat = heartbeatEvery(60, 0);

        HttpResponse<String> paused = send("POST", "/integrations/" + heartbeat[0] + "/heartbeat/pause");

        assertThat(json(paused).path("state").asString()).isEqualTo("paused");
        assertThat(checker(Clock.fixed(Instant.now().plus(Duration.ofDays(3)), ZoneOffset.UTC)).raiseOverdue()).isZero();
        assertThat(eventsWithDedupKey("heartbeat:v1:" + heartbeat[0])).isEmpty();
    }

    @Test
    void theAdminReadShowsTheStateAPingLeftAndAnOverdueCheckChanged() throws Exception {
        String[] heartbeat = heartbeatEvery(60, 30);
        CLOCK.advance(Duration.ofSeconds(20));
        Instant beforePing = CLOCK.instant().truncatedTo(ChronoUnit.MILLIS);
        JsonNode ping = json(send("POST", "/integrations/" + heartbeat[1] + "/heartbeat"));

        JsonNode up = json(send("GET", "/integrations/" + heartbeat[0] + "/heartbeat/settings"));

        assertThat(up).isEqualTo(ping);
        assertThat(up.path("state").asString()).isEqualTo("up");
        assertThat(up.path("intervalSeconds").asLong()).isEqualTo(60);
        assertThat(up.path("graceSeconds").asLong()).isEqualTo(30);
        Instant pingedAt = Instant.parse(up.path("lastPingAt").asString());
        assertThat(pingedAt).isBetween(beforePing, CLOCK.instant());
        assertThat(Instant.parse(up.path("dueAt").asString())).isEqualTo(pingedAt.plusSeconds(90));

        checker(Clock.fixed(pingedAt.plus(Duration.ofMinutes(5)), ZoneOffset.UTC)).raiseOverdue();
        assertThat(json(send("GET", "/integrations/" + heartbeat[0] + "/heartbeat/settings")).path("state").asString())
                .isEqualTo("overdue");
        send("POST", "/integrations/" + heartbeat[0] + "/heartbeat/pause");
        assertThat(json(send("GET", "/integrations/" + heartbeat[0] + "/heartbeat/settings")).path("state").asString())
                .isEqualTo("paused");
    }

    @Test
    void theAdminReadIsNotFoundWithoutAHeartbeatSetUp() throws Exception {
        INCIDENT_SERVICE.hasService("nightly-backup");
        JsonNode notStarted = json(postJson("/integrations", "{\"serviceId\":\"nightly-backup\",\"name\":\"Backup\",\"type\":\"heartbeat\"}"));
        String id = notStarted.path("integration").path("id").asString();
        createdIds.add(id);

        assertProblem(send("GET", "/integrations/" + id + "/heartbeat/settings"), 404);
        assertProblem(send("GET", "/integrations/int_unknown/heartbeat/settings"), 404);
    }

    @Test
    void anIntegrationOfAnotherTypeHasNoHeartbeatToPing() throws Exception {
        INCIDENT_SERVICE.hasService("nightly-backup");
        JsonNode generic = json(postJson("/integrations", "{\"serviceId\":\"nightly-backup\",\"name\":\"Backup\",\"type\":\"generic\"}"));
        createdIds.add(generic.path("integration").path("id").asString());

        assertProblem(send("GET", "/integrations/" + generic.path("key").path("secret").asString() + "/heartbeat"), 404);
    }

    /** @return the integration's id and key */
    private String[] heartbeatEvery(long intervalSeconds, long graceSeconds) throws Exception {
        INCIDENT_SERVICE.hasService("nightly-backup");
        HttpResponse<String> created = postJson("/integrations", "{\"serviceId\":\"nightly-backup\",\"name\":\"Backup\",\"type\":\"heartbeat\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode integration = json(created);
        String id = integration.path("integration").path("id").asString();
        createdIds.add(id);
        HttpResponse<String> scheduled = put("/integrations/" + id + "/heartbeat/settings",
                "{\"intervalSeconds\":" + intervalSeconds + ",\"graceSeconds\":" + graceSeconds + "}");
        assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(200);
        return new String[] {id, integration.path("key").path("secret").asString()};
    }

    private OverdueHeartbeats checker(Clock clock) {
        return new OverdueHeartbeats(heartbeats, integrations, publisher, clock, Duration.ofSeconds(30));
    }
}
