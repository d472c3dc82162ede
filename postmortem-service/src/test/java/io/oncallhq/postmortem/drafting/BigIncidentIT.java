package io.oncallhq.postmortem.drafting;

import io.oncallhq.contracts.Severity;
import io.oncallhq.contracts.alert.AlertLink;
import io.oncallhq.contracts.incident.AlertAttached;
import io.oncallhq.postmortem.ProjectedIncident;
import io.oncallhq.postmortem.RecordedIncident.Recorded;
import io.oncallhq.postmortem.RecordedIncident;
import io.oncallhq.postmortem.RunningPostmortemService;
import io.oncallhq.postmortem.document.Postmortems;
import io.oncallhq.postmortem.history.IncidentAlert;
import io.oncallhq.postmortem.history.IncidentAlerts;
import io.oncallhq.postmortem.history.IncidentHistories;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.mongodb.client.model.Filters.eq;
import static io.oncallhq.postmortem.RecordedIncident.STARTED_AT;
import static io.oncallhq.postmortem.RecordedIncident.TRIGGERED_AT;
import static io.oncallhq.postmortem.RecordedIncident.resolvedCheckoutIncident;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * An incident of 10,000 alerts: its history and post-mortem stay small documents, the post-mortem lists the first
 * alerts and counts all of them, and a redelivered attachment is not counted again. The alerts and the history are
 * generated directly in the store (as the consumer would have stored them), the rest goes through Kafka.
 */
class BigIncidentIT extends RunningPostmortemService {

    private static final int ALERTS = 10_000;
    private static final int SMALL = 32 * 1024;

    @Test
    void aPostmortemOfTenThousandAlertsListsTheFirstFiftyAndStaysSmall() {
        String incidentId = "inc-" + UUID.randomUUID();
        List<Recorded> events = resolvedCheckoutIncident(incidentId);
        List<Recorded> alerts = new ArrayList<>();
        for (int i = 1; i <= ALERTS; i++) {
            // A storm: an alert every 100 ms from 10:00 on, each started a second before the one after it.
            alerts.add(new Recorded(incidentId + "-alert-" + i, stormAlert(incidentId, "pod-" + i, i)));
        }
        storeAsTheConsumerWould(incidentId, events.subList(0, events.size() - 1), alerts);

        publish(events.getLast());
        publish(alerts.get(1_234)); // redelivered
        publish(new Recorded(incidentId + "-late", new AlertAttached(incidentId, "disk-full", "alertmanager",
                "Disk full on db-1", Severity.ERROR, "db-1", List.of(), TRIGGERED_AT.plus(Duration.ofMinutes(25)),
                TRIGGERED_AT.plus(Duration.ofMinutes(25)))));
        publish(RecordedIncident.lateNote(incidentId, incidentId + "-note", 29 * 60)); // after both, same partition

        JsonNode postmortem = awaitPostmortem(incidentId, pm -> texts(pm).contains("Note: Dashboards updated"));

        assertThat(postmortem.get("alertCount").asInt()).isEqualTo(ALERTS + 2);
        assertThat(postmortem.get("alerts")).hasSize(IncidentFacts.ALERTS_LISTED);
        assertThat(postmortem.get("alerts").get(0).get("dedupKey").asString()).isEqualTo("checkout-latency");
        assertThat(postmortem.get("alerts").get(1).get("dedupKey").asString()).isEqualTo("pod-" + ALERTS);
        assertThat(postmortem.get("sections").get(2).get("text").asString())
                .contains("Monitoring raised 10,002 alerts for this incident.");
        assertThat(texts(postmortem)).containsExactly(
                "Incident #42 triggered: Checkout latency above 2s",
                "10,001 alerts attached between 10:00 and 10:16 UTC",
                "Paging Alex Rivera (level 1)",
                "Paged Alex Rivera (level 1) via slack",
                "Acknowledged by Alex Rivera",
                "Note: Rolled back release 2026.11.20-1",
                "Alert attached: Disk full on db-1 (source: db-1)",
                "Resolved by Alex Rivera",
                "Note: Dashboards updated");
        String markdown = call(HttpMethod.GET, "/postmortems/" + postmortem.get("id").asString(), null, null,
                "text/markdown").body();
        assertThat(markdown).contains("- _and 9,952 more alerts_").hasSizeLessThan(SMALL);

        assertThat(storedSize(IncidentHistories.COLLECTION, incidentId)).isLessThan(SMALL);
        assertThat(storedSize(Postmortems.COLLECTION, postmortem.get("id").asString())).isLessThan(SMALL);
    }

    /**
     * The history as projecting these events leaves it (at version 1, as after its first write) and every alert
     * stored and counted, in bulk.
     */
    private void storeAsTheConsumerWould(String incidentId, List<Recorded> events, List<Recorded> alerts) {
        ProjectedIncident projected = ProjectedIncident.projected(incidentId, events);
        alerts.forEach(alert -> projected.record(alert.id(), alert.event()));
        mongo.insert(projected.history(), IncidentHistories.COLLECTION);
        mongo.updateFirst(query(where("_id").is(incidentId)), Update.update("version", 1L), IncidentHistories.COLLECTION);
        List<Document> stored = new ArrayList<>();
        for (Recorded recorded : concat(events, alerts)) {
            if (recorded.event() instanceof AlertAttached attached) {
                Document alert = new Document();
                mongo.getConverter().write(IncidentAlert.of(attached), alert);
                stored.add(new Document("_id", IncidentAlerts.idOf(incidentId, attached.dedupKey()))
                        .append("incidentId", incidentId).append("alert", alert)
                        .append("attachedBy", recorded.id()).append("counted", true));
            }
        }
        mongo.getCollection(IncidentAlerts.COLLECTION).insertMany(stored);
    }

    private int storedSize(String collection, String id) {
        return mongo.getDb().getCollection(collection, RawBsonDocument.class).find(eq("_id", id)).first()
                .getByteBuffer().remaining();
    }

    private static AlertAttached stormAlert(String incidentId, String dedupKey, int i) {
        return new AlertAttached(incidentId, dedupKey, "alertmanager", "Checkout latency above 2s on " + dedupKey,
                Severity.CRITICAL, "checkout-api-" + i,
                List.of(new AlertLink("https://grafana.example.com/d/checkout?var-pod=" + dedupKey, "Dashboard")),
                STARTED_AT.plusSeconds(ALERTS - i), TRIGGERED_AT.plusMillis(100L * i));
    }

    private static List<Recorded> concat(List<Recorded> first, List<Recorded> second) {
        List<Recorded> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
    }
}
