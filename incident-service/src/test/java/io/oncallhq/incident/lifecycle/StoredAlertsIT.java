package io.oncallhq.incident.lifecycle;

import io.oncallhq.contracts.alert.AlertTriggered;
import io.oncallhq.contracts.incident.IncidentEvent;
import io.oncallhq.contracts.incident.IncidentResolved;
import io.oncallhq.incident.RunningIncidentService;
import io.oncallhq.outbox.Change;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import static io.oncallhq.incident.lifecycle.IncidentFixtures.CHECKOUT;
import static io.oncallhq.incident.lifecycle.IncidentFixtures.OPENED_AT;
import static io.oncallhq.incident.lifecycle.IncidentFixtures.alertOfGroup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The alerts of an incident stored beside it, through the store the service runs on (the in-memory MongoDB-wire
 * server): redeliveries, the paged list, an incident of 100,000 alerts, and incidents stored the old way.
 */
class StoredAlertsIT extends RunningIncidentService {

    @Autowired
    Incidents incidents;

    @Test
    void anAlertEventRedeliveredAfterOnlyItsAlertWasStoredIsCountedOnce() {
        String id = openedByAlert("am:a");
        Document beforeB = storedIncident(id);
        take("event-b", id, alertOfGroup("am:b"));
        lose(beforeB); // as if the instance stopped between storing the alert and storing the incident

        take("event-b", id, alertOfGroup("am:b"));
        take("event-b", id, alertOfGroup("am:b")); // and once more, after both were stored

        Document beforeRepeat = storedIncident(id);
        take("event-a-again", id, alertOfGroup("am:a"));
        lose(beforeRepeat);
        take("event-a-again", id, alertOfGroup("am:a"));

        assertThat(incidents.get(id).alertSummary()).extracting(AlertSummary::firing, AlertSummary::total)
                .containsExactly(2, 2);
        assertThat(incidents.alertsOf(id, null, 0, 10)).extracting(IncidentAlert::dedupKey, IncidentAlert::count)
                .containsExactly(tuple("am:a", 2), tuple("am:b", 1));
    }

    @Test
    void everyAlertIsListedAPageAtATimeInTheOrderAttachedAndByState() throws Exception {
        String id = openedByAlert("am:0");
        for (int i = 1; i < 250; i++) {
            take("event-" + i, id, alertOfGroup("am:" + i));
        }
        for (int i = 0; i < 250; i += 10) {
            resolve("event-resolve-" + i, id, "am:" + i);
        }

        List<String> listed = new ArrayList<>();
        String next = "/incidents/" + id + "/alerts?limit=100";
        int pages = 0;
        while (next != null) {
            MvcResult page = mvc.perform(get(next)).andExpect(status().isOk()).andReturn();
            body(page).forEach(alert -> listed.add(alert.get("dedupKey").asString()));
            next = nextPage(page);
            pages++;
        }
        JsonNode resolved = body(mvc.perform(get("/incidents/{id}/alerts", id).param("state", "resolved"))
                .andExpect(status().isOk()).andReturn());

        assertThat(pages).isEqualTo(3);
        assertThat(listed).containsExactlyElementsOf(IntStream.range(0, 250).mapToObj(i -> "am:" + i).toList());
        assertThat(StreamSupport.stream(resolved.spliterator(), false).map(alert -> alert.get("dedupKey").asString()))
                .containsExactlyElementsOf(IntStream.range(0, 25).mapToObj(i -> "am:" + i * 10).toList());
        JsonNode incident = body(mvc.perform(get("/incidents/{id}", id)).andExpect(status().isOk()).andReturn());
        assertThat(incident.get("alertCounts").get("firing").asInt()).isEqualTo(225);
        assertThat(incident.get("alerts").size()).isEqualTo(1 + AlertSummary.NEWEST_KEPT);
        mvc.perform(get("/incidents/{id}/alerts", id).param("cursor", "next-please"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void anIncidentOfAHundredThousandAlertsTakesOneMoreAndResolvesWithItsLastFiringAlert() throws Exception {
        String id = openedByAlert("am:1");
        storeAlertsDirectly(id, 2, 100_000, 50_000);

        take("event-new", id, alertOfGroup("am:new"));
        resolve("event-resolve-1", id, "am:1");
        resolve("event-resolve-new", id, "am:new");
        assertThat(incidents.get(id).isOpen()).as("am:50000 still fires").isTrue();
        List<IncidentEvent> events = resolve("event-resolve-50000", id, "am:50000");

        Incident incident = incidents.get(id);
        assertThat(incident.isOpen()).isFalse();
        assertThat(events).anyMatch(IncidentResolved.class::isInstance);
        assertThat(incident.alertSummary()).extracting(AlertSummary::firing, AlertSummary::resolved)
                .containsExactly(0, 100_001);
        assertThat(json.writeValueAsBytes(storedIncident(id)).length).as("the incident's size, alerts apart")
                .isLessThan(64 * 1024);
        JsonNode lastPage = body(mvc.perform(get("/incidents/{id}/alerts", id).param("cursor", "99998"))
                .andExpect(status().isOk()).andReturn());
        assertThat(StreamSupport.stream(lastPage.spliterator(), false).map(alert -> alert.get("dedupKey").asString()))
                .containsExactly("am:99999", "am:100000", "am:new");
    }

    @Test
    void anIncidentStoredWithItsAlertsInsideHasThemMovedOutAndResolvesByTheirCounts() {
        String id = openedByAlert("am:old-1");
        storedTheOldWay(id, List.of(oldAlert("am:old-1", "FIRING", 3), oldAlert("am:old-2", "RESOLVED", 1),
                oldAlert("am:old-3", "FIRING", 1)));

        new StoredAlerts(mongo).moveOutOfStoredIncidents(Incidents.COLLECTION);

        assertThat(storedIncident(id)).doesNotContainKey("alerts");
        assertThat(incidents.get(id).alertSummary()).extracting(AlertSummary::firing, AlertSummary::resolved)
                .containsExactly(2, 1);
        assertThat(incidents.alertsOf(id, null, 0, 10))
                .extracting(IncidentAlert::dedupKey, IncidentAlert::number, IncidentAlert::count)
                .containsExactly(tuple("am:old-1", 1L, 3),
                        tuple("am:old-2", 2L, 1),
                        tuple("am:old-3", 3L, 1));
        resolve("event-old-1", id, "am:old-1");
        assertThat(incidents.get(id).isOpen()).isTrue();
        resolve("event-old-3", id, "am:old-3");
        assertThat(incidents.get(id).isOpen()).isFalse();
    }

    /** An incident of Checkout API's Alertmanager group, opened by an alert as the alerts consumer opens one. */
    private String openedByAlert(String dedupKey) {
        String id = UUID.randomUUID().toString();
        Incident.Opened opened = Incident.open(id, incidents.nextNumber(), CHECKOUT, alertOfGroup(dedupKey), OPENED_AT);
        incidents.insert(opened.incident(), "event-open-" + id, opened.events());
        return id;
    }

    /** An alert event taken in as the alerts consumer takes it: the alert as stored, then the incident's change. */
    private void take(String eventId, String incidentId, AlertTriggered alert) {
        Optional<IncidentAlert> stored = incidents.storedAlert(incidentId, alert.dedupKey(), eventId);
        incidents.updateOnce(incidentId, eventId,
                incident -> Change.changed(incident.attach(alert, stored, null, Instant.now())));
    }

    private List<IncidentEvent> resolve(String eventId, String incidentId, String dedupKey) {
        Optional<IncidentAlert> stored = incidents.storedAlert(incidentId, dedupKey, eventId);
        List<IncidentEvent> events = new ArrayList<>();
        incidents.updateOnce(incidentId, eventId, incident -> {
            events.clear();
            events.addAll(incident.alertResolved(stored, true, Instant.now()));
            return Change.changed(events);
        });
        return events;
    }

    /**
     * Alerts {@code from..to} of the group, written straight into the store with the incident's counts: resolved, but
     * for the one numbered {@code firing}.
     */
    private void storeAlertsDirectly(String incidentId, int from, int to, int firing) {
        AlertSummary summary = incidents.get(incidentId).alertSummary();
        List<IncidentAlertDocument> batch = new ArrayList<>();
        for (int number = from; number <= to; number++) {
            IncidentAlert alert = IncidentAlert.firstSeen(alertOfGroup("am:" + number), (long) number, OPENED_AT);
            alert = number == firing ? alert : alert.resolved(OPENED_AT.plusSeconds(60));
            summary = summary.attached(alert);
            batch.add(new IncidentAlertDocument(incidentId.length() + ":" + incidentId + ":" + alert.dedupKey(),
                    incidentId, alert, null, null));
            if (batch.size() == 10_000 || number == to) {
                mongo.insert(batch, StoredAlerts.COLLECTION);
                batch.clear();
            }
        }
        mongo.updateFirst(query(where("_id").is(incidentId)), new Update().set("alertSummary", summary),
                IncidentDocument.class);
    }

    /** The incident as it was stored before its alerts moved out: every alert inside, no summary. */
    private void storedTheOldWay(String incidentId, List<Document> alerts) {
        mongo.getCollection(Incidents.COLLECTION).updateOne(new Document("_id", incidentId),
                new Document("$set", new Document("alerts", alerts)).append("$unset", new Document("alertSummary", "")));
    }

    private static Document oldAlert(String dedupKey, String status, int count) {
        return new Document("dedupKey", dedupKey).append("summary", "Checkout latency above 2s on " + dedupKey)
                .append("severity", "CRITICAL").append("status", status).append("firstSeenAt", Date.from(OPENED_AT))
                .append("lastSeenAt", Date.from(OPENED_AT)).append("count", count);
    }

    private Document storedIncident(String id) {
        return mongo.findById(id, Document.class, Incidents.COLLECTION);
    }

    /** Puts the incident back as it was: its last change never stored. */
    private void lose(Document incident) {
        mongo.getCollection(Incidents.COLLECTION).replaceOne(new Document("_id", incident.get("_id")), incident);
    }

    private static String nextPage(MvcResult page) {
        String link = page.getResponse().getHeader(HttpHeaders.LINK);
        return link == null ? null : link.substring(link.indexOf("/incidents"), link.indexOf('>'));
    }
}
