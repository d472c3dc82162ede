package io.oncallhq.postmortem.history;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.oncallhq.contracts.Severity;
import io.oncallhq.contracts.alert.AlertLink;
import io.oncallhq.contracts.incident.AlertAttached;
import io.oncallhq.contracts.cloudevents.CloudEventCodec;
import io.oncallhq.localruntime.LocalMongo;
import io.oncallhq.outbox.OutboxRelay;
import io.oncallhq.outbox.OutboxWriters;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The stored histories and their alerts: an alert is counted once whatever is redelivered, and histories stored with
 * their alerts inside have them moved out.
 */
class IncidentHistoriesTest {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    private static LocalMongo server;
    private static MongoClient client;
    private static MongoTemplate mongo;

    private final IncidentAlerts alerts = new IncidentAlerts(mongo);
    private final IncidentHistories histories = new IncidentHistories(mongo, alerts, writers());
    private final String incidentId = "inc-" + UUID.randomUUID();

    @BeforeAll
    static void startMongo() {
        server = LocalMongo.start(null, 0);
        client = MongoClients.create(server.connectionString("postmortems"));
        mongo = new MongoTemplate(client, "postmortems");
    }

    /** As auto-configured, with a relay of no collection (histories cause no events) that is never started. */
    private static OutboxWriters writers() {
        CloudEventCodec codec = new CloudEventCodec("postmortem-service");
        OutboxRelay relay = new OutboxRelay(mongo, (binding, message) -> {
            throw new AssertionError("histories publish nothing");
        }, codec, List.of(), "version");
        return new OutboxWriters(mongo, relay, codec, 10, 500);
    }

    @AfterAll
    static void stopMongo() {
        client.close();
        server.close();
    }

    @Test
    void aRedeliveredAttachmentOrAnotherOfTheSameAlertIsNotCountedAgain() {
        histories.record("e1", alert("pod-1", 60, 0));
        histories.record("e1", alert("pod-1", 60, 0));
        histories.record("e2", alert("pod-1", 90, 0));
        histories.record("e3", alert("pod-2", 120, 0));
        histories.record("e1", alert("pod-1", 60, 0));

        IncidentHistory history = histories.find(incidentId).orElseThrow();
        assertThat(history.alertCount()).isEqualTo(2);
        assertThat(history.timeline()).extracting(TimelineEntry::text)
                .containsExactly("2 alerts attached between 10:01 and 10:02 UTC");
        assertThat(mongo.count(query(where("incidentId").is(incidentId)), IncidentAlerts.COLLECTION)).isEqualTo(2);
    }

    @Test
    void aRedeliveryAfterACrashBetweenTheWritesCountsTheAlertExactlyOnce() {
        // Stored, then the consumer stopped before the history counted it.
        alerts.store("e1", alert("pod-1", 60, 0));
        histories.record("e1", alert("pod-1", 60, 0));
        // Counted, then the consumer stopped before the store noted that.
        histories.record("e2", alert("pod-2", 70, 0));
        mongo.updateFirst(query(where("_id").is(IncidentAlerts.idOf(incidentId, "pod-2"))),
                Update.update("counted", false), IncidentAlerts.COLLECTION);
        histories.record("e2", alert("pod-2", 70, 0));

        assertThat(histories.find(incidentId).orElseThrow().alertCount()).isEqualTo(2);
    }

    @Test
    void theOccurrenceThatStartedFirstDescribesTheAlertAndTheFirstAlertsComeByStart() {
        histories.record("e1", alert("pod-1", 60, 0));
        histories.record("e2", alert("no-start", 61, null));
        histories.record("e3", alert("pod-2", 62, 30));
        histories.record("e4", new AlertAttached(incidentId, "pod-2", "alertmanager", "pod-2 failed first",
                Severity.ERROR, null, List.of(), T0.minusSeconds(60), T0.plusSeconds(63)));

        assertThat(alerts.first(incidentId, 50)).extracting(IncidentAlert::dedupKey, IncidentAlert::summary)
                .containsExactly(
                        tuple("pod-2", "pod-2 failed first"),
                        tuple("pod-1", "pod-1 is failing"),
                        tuple("no-start", "no-start is failing"));
        assertThat(alerts.first(incidentId, 2)).hasSize(2);
        IncidentHistory history = histories.find(incidentId).orElseThrow();
        assertThat(history.alertCount()).isEqualTo(3);
        assertThat(history.startedAt()).contains(T0.minusSeconds(60));
    }

    @Test
    void aHistoryStoredWithItsAlertsInsideHasThemMovedOutAtStart() {
        mongo.insert(legacyHistory(), IncidentHistories.COLLECTION);
        mongo.remove(query(where("_id").is(IncidentHistories.ALERTS_MOVED_OUT)), IncidentHistories.MIGRATIONS);

        IncidentHistories restarted = new IncidentHistories(mongo, alerts, writers());
        restarted.record("legacy-e2", alert("pod-2", 70, 0));

        Document stored = mongo.findById(incidentId, Document.class, IncidentHistories.COLLECTION);
        assertThat(stored).doesNotContainKey("alerts");
        IncidentHistory history = restarted.find(incidentId).orElseThrow();
        assertThat(history.alertCount()).isEqualTo(2);
        assertThat(history.startedAt()).contains(T0.minusSeconds(120));
        assertThat(history.timeline()).extracting(TimelineEntry::eventId, TimelineEntry::text).containsExactly(
                tuple("legacy-e1", "Incident #7 triggered: Checkout latency"),
                tuple("legacy-a1", "2 alerts attached at 10:00 UTC"));
        assertThat(alerts.first(incidentId, 50)).extracting(IncidentAlert::dedupKey).containsExactly("pod-1", "pod-2");
        assertThat(alerts.first(incidentId, 50).getFirst().links()).containsExactly(new Link("https://runbook", "Runbook"));
        assertThat(mongo.exists(query(where("_id").is(IncidentHistories.ALERTS_MOVED_OUT)), IncidentHistories.MIGRATIONS))
                .isTrue();
    }

    /** As the history was stored before its alerts moved out: an {@code alerts} array and a line per attachment. */
    private Document legacyHistory() {
        Document alert1 = new Document("dedupKey", "pod-1").append("summary", "pod-1 is failing")
                .append("severity", "ERROR").append("source", "host-1")
                .append("links", List.of(new Document("href", "https://runbook").append("text", "Runbook")))
                .append("startedAt", Date.from(T0.minusSeconds(120)));
        Document alert2 = new Document("dedupKey", "pod-2").append("summary", "pod-2 is failing")
                .append("severity", "ERROR").append("source", "host-1").append("links", List.of())
                .append("startedAt", Date.from(T0.minusSeconds(60)));
        return new Document("_id", incidentId).append("number", 7L).append("title", "Latency")
                .append("serviceId", "checkout").append("severity", "ERROR")
                .append("triggeredAt", Date.from(T0))
                .append("alerts", List.of(alert1, alert2))
                .append("responders", List.of()).append("participants", List.of())
                .append("entries", List.of(
                        entry("legacy-e1", T0, "TRIGGERED", "Incident #7 triggered: Checkout latency"),
                        entry("legacy-a1", T0, "ALERT_ATTACHED", "Alert attached: pod-1 is failing (source: host-1)"),
                        entry("legacy-e2", T0.plusSeconds(10), "ALERT_ATTACHED", "Alert attached: pod-2 is failing (source: host-1)")))
                .append("version", 4L);
    }

    private static Document entry(String eventId, Instant at, String kind, String text) {
        return new Document("eventId", eventId).append("at", Date.from(at)).append("kind", kind).append("text", text);
    }

    /** An alert of the incident attached {@code atSecond} after T0, started {@code startedSecondsBefore} before it. */
    private AlertAttached alert(String dedupKey, int atSecond, Integer startedSecondsBefore) {
        return new AlertAttached(incidentId, dedupKey, "alertmanager", dedupKey + " is failing", Severity.ERROR,
                "host-1", List.of(new AlertLink("https://runbook", "Runbook")),
                startedSecondsBefore == null ? null : T0.minusSeconds(startedSecondsBefore), T0.plusSeconds(atSecond));
    }
}
