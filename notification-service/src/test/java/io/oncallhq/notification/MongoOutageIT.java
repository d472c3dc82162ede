package io.oncallhq.notification;

import io.oncallhq.contracts.Severity;
import io.oncallhq.contracts.Topics;
import io.oncallhq.contracts.page.PageDelivered;
import io.oncallhq.contracts.page.PageOutcomeEvent;
import io.oncallhq.contracts.page.PageRequested;
import io.oncallhq.contracts.page.PageTarget;
import io.oncallhq.localruntime.EventTopics;
import io.oncallhq.localruntime.LocalMongo;
import io.oncallhq.localruntime.Ports;
import io.oncallhq.standins.SlackStandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * MongoDB goes away while a page request arrives, and comes back: the page waits for it, it is neither dead-lettered
 * nor committed before it is stored. The driver gives up on an unreachable server after half a second here, so the
 * binding's three attempts would have dead-lettered the page within seconds.
 */
@SpringBootTest(properties = {
        "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
        "notification.slack.bot-token=xoxb-test-token",
        "notification.slack.signing-secret=outage-it-secret"})
@EmbeddedKafka(partitions = 1, topics = {Topics.PAGES, Topics.INCIDENTS, Topics.PAGE_OUTCOMES, Topics.INCIDENT_COMMANDS,
        Topics.POSTMORTEMS})
class MongoOutageIT {

    private static final String GROUP = "notification-service";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Path DATA = dataFile();
    private static final int MONGO_PORT = Ports.free();
    private static LocalMongo mongo = LocalMongo.start(DATA, MONGO_PORT);
    private static final SlackStandIn SLACK = new SlackStandIn();

    @DynamicPropertySource
    static void standIns(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri",
                () -> mongo.connectionString("notifications") + "?serverSelectionTimeoutMS=500&connectTimeoutMS=500");
        registry.add("notification.slack.api-url", SLACK::apiUrl);
    }

    @AfterAll
    static void stopStandIns() {
        mongo.close();
        SLACK.close();
    }

    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void aPageRequestedWhileMongoDbIsDownIsStoredAndSentOnceItIsBackNeverDeadLettered() throws Exception {
        try (EventTopics kafka = new EventTopics(broker.getBrokersAsString(), "mongo-outage-it")) {
            String incidentId = "inc-" + UUID.randomUUID();
            PageRequested page = new PageRequested("page-" + UUID.randomUUID(), incidentId, 7, "checkout-api",
                    "Checkout API", "Checkout latency high", Severity.CRITICAL, 1,
                    new PageTarget("alex", "Alex Rivera", "alex@example.com", SlackStandIn.ALEX_SLACK_ID),
                    "http://localhost:8082/incidents/" + incidentId, Instant.now());
            mongo.close();

            kafka.publish(Topics.PAGES, page, "event-" + UUID.randomUUID());

            await().during(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(15)).until(() ->
                    !kafka.consumedAll(GROUP, Topics.PAGES)
                            && kafka.readAll(Topics.deadLetter(Topics.PAGES)).isEmpty());
            mongo = LocalMongo.start(DATA, MONGO_PORT);

            await().atMost(PATIENCE).until(() -> kafka.events(Topics.PAGE_OUTCOMES, PageOutcomeEvent.class).stream()
                    .anyMatch(event -> event.data() instanceof PageDelivered delivered
                            && delivered.pageId().equals(page.pageId())));
            await().atMost(PATIENCE).until(() -> kafka.consumedAll(GROUP, Topics.PAGES));
            assertThat(kafka.readAll(Topics.deadLetter(Topics.PAGES))).isEmpty();
            assertThat(SLACK.callsAbout("chat.postMessage", page.incidentId())).hasSize(1);
        }
    }

    private static Path dataFile() {
        try {
            return Files.createTempDirectory("mongo-outage-it").resolve("mongo.mv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
