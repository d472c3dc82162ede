package io.oncallhq.incident.change;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.oncallhq.contracts.change.ChangeRecorded;
import io.oncallhq.contracts.alert.AlertLink;
import io.oncallhq.contracts.page.RecentChange;
import io.oncallhq.localruntime.LocalMongo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The store and the page lookup on the in-process MongoDB-wire server, without the application around them. */
class RecentChangesIT {

    private static final Instant TRIGGERED = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private static final RecentChangesProperties SETTINGS =
            new RecentChangesProperties(Duration.ofHours(24), 3, 10, Duration.ofMillis(200));

    private LocalMongo server;
    private MongoClient client;
    private ServiceChanges changes;
    private RecentChanges recentChanges;

    @BeforeEach
    void start() {
        server = LocalMongo.start(null, 0);
        client = MongoClients.create(server.connectionString("incidents"));
        changes = new ServiceChanges(new MongoTemplate(client, "incidents"));
        recentChanges = new RecentChanges(changes, SETTINGS, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        recentChanges.close();
        client.close();
        server.close();
    }

    @Test
    void aPageCarriesTheLatestChangesOfItsServiceInsideTheWindowNewestFirst() {
        for (int minutesBefore : List.of(50, 10, 40, 20, 30)) {
            changes.store(change("checkout-api", "Deployed " + minutesBefore, TRIGGERED.minus(minutesBefore, ChronoUnit.MINUTES)));
        }
        changes.store(change("checkout-api", "Too old", TRIGGERED.minus(Duration.ofHours(24)).minusMillis(1)));
        changes.store(change("search-api", "Another service", TRIGGERED.minus(5, ChronoUnit.MINUTES)));
        changes.store(change("checkout-api", "After the page", TRIGGERED.plus(2, ChronoUnit.MINUTES)));

        List<RecentChange> onPage = recentChanges.forPage("checkout-api", TRIGGERED, TRIGGERED.plus(1, ChronoUnit.MINUTES));

        assertThat(onPage).extracting(RecentChange::summary).containsExactly("Deployed 10", "Deployed 20", "Deployed 30");
        assertThat(onPage.getFirst()).isEqualTo(new RecentChange("Deployed 10", "deploy-pipeline",
                TRIGGERED.minus(10, ChronoUnit.MINUTES), "https://ci.example/builds/Deployed 10"));
    }

    @Test
    void aChangeIsStoredOnceHoweverOftenItsRecordArrives() {
        ServiceChange deploy = change("checkout-api", "Deployed 2026.12.01-1", TRIGGERED.minus(10, ChronoUnit.MINUTES));

        assertThat(changes.store(deploy)).isTrue();
        assertThat(changes.store(deploy)).isFalse();

        assertThat(recentChanges.forIncident("checkout-api", TRIGGERED, null)).containsExactly(deploy);
    }

    @Test
    void withMongoDbGoneAPageGoesOutWithoutChangesInsteadOfWaitingForIt() {
        changes.store(change("checkout-api", "Deployed 2026.12.01-1", TRIGGERED.minus(10, ChronoUnit.MINUTES)));
        server.close();

        assertThat(recentChanges.forPage("checkout-api", TRIGGERED, TRIGGERED)).isEmpty();
    }

    private static ServiceChange change(String serviceId, String summary, Instant occurredAt) {
        return ServiceChange.received(UUID.randomUUID().toString(), new ChangeRecorded(serviceId, "checkout-pd",
                "pagerduty", summary, "deploy-pipeline", Map.of(),
                List.of(new AlertLink("https://ci.example/builds/" + summary, "build")), occurredAt, occurredAt, "{}"));
    }
}
