package io.oncallhq.incident.lifecycle;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.oncallhq.localruntime.LocalMongo;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The keys alerts find their incidents by, on the MongoDB-wire server through the real driver. */
class IncidentKeysTest {

    private final LocalMongo server = LocalMongo.start(null, 0);
    private final MongoClient client = MongoClients.create(server.connectionString("incidents"));
    private final MongoTemplate mongo = new MongoTemplate(client, "incidents");
    private final IncidentKeys keys = new IncidentKeys(mongo);

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void aKeyPointsAtTheIncidentLastPointedAt() {
        keys.point(IncidentKeys.alert("checkout-api", "am:a"), "incident-1");
        keys.point(IncidentKeys.alert("checkout-api", "am:a"), "incident-2");

        assertThat(keys.incidentOf(IncidentKeys.alert("checkout-api", "am:a"))).hasValue("incident-2");
        assertThat(keys.incidentOf(IncidentKeys.alert("search-api", "am:a"))).isEmpty();
    }

    @Test
    void noServiceAndKeySpellAnotherPairsKey() {
        assertThat(IncidentKeys.alert("a:1", "b")).isNotEqualTo(IncidentKeys.alert("a", "1:b"));
        assertThat(IncidentKeys.group("a", "b")).isNotEqualTo(IncidentKeys.alert("a", "b"));
    }

    @Test
    void incidentsStoredBeforeTheKeysGetThemOnceWithTheLatestHolderWinning() {
        mongo.insert(storedIncident("incident-1", 1, "checkout-api", null, "generic:v1:latency"), Incidents.COLLECTION);
        mongo.insert(storedIncident("incident-2", 2, "checkout-api", "am:{}:{alertname=\"X\"}", "generic:v1:latency"),
                Incidents.COLLECTION);
        mongo.insert(storedIncident("incident-3", 3, "search-api", null, "generic:v1:latency"), Incidents.COLLECTION);

        keys.pointAtStoredIncidents(Incidents.COLLECTION);

        assertThat(keys.incidentOf(IncidentKeys.alert("checkout-api", "generic:v1:latency"))).hasValue("incident-2");
        assertThat(keys.incidentOf(IncidentKeys.group("checkout-api", "am:{}:{alertname=\"X\"}"))).hasValue("incident-2");
        assertThat(keys.incidentOf(IncidentKeys.newest("checkout-api"))).hasValue("incident-2");
        assertThat(keys.incidentOf(IncidentKeys.newest("search-api"))).hasValue("incident-3");

        keys.point(IncidentKeys.newest("checkout-api"), "incident-4");
        keys.pointAtStoredIncidents(Incidents.COLLECTION);
        assertThat(keys.incidentOf(IncidentKeys.newest("checkout-api"))).as("done once").hasValue("incident-4");
    }

    private static Document storedIncident(String id, long number, String serviceId, String group, String dedupKey) {
        return new Document("_id", id).append("number", number).append("serviceId", serviceId)
                .append("incidentGroup", group).append("alerts", List.of(new Document("dedupKey", dedupKey)));
    }
}
