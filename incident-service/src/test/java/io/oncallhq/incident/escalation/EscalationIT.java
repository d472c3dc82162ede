package io.oncallhq.incident.escalation;

import io.oncallhq.apisecurity.TestTokens;
import io.oncallhq.contracts.Severity;
import io.oncallhq.contracts.Topics;
import io.oncallhq.contracts.alert.AlertTriggered;
import io.oncallhq.contracts.page.PageEvent;
import io.oncallhq.contracts.page.PageRequested;
import io.oncallhq.incident.IncidentServiceApplication;
import io.oncallhq.incident.directory.EscalationPolicy;
import io.oncallhq.incident.directory.Responder;
import io.oncallhq.incident.directory.TechnicalService;
import io.oncallhq.localruntime.EventTopics;
import io.oncallhq.localruntime.LocalKafka;
import io.oncallhq.localruntime.LocalMongo;
import io.oncallhq.localruntime.MovableClock;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Escalation timers across restarts and replicas: whole application contexts are started and stopped against one
 * broker and one database, and time is moved forward with a shared clock instead of waited for. Stopping instances
 * and moving time would pull the rug from under every other test, hence these contexts of its own rather than
 * {@link io.oncallhq.incident.RunningIncidentService}'s shared one.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EscalationIT {

    private static final Duration PATIENCE = Duration.ofSeconds(40);
    private static final Duration LEVEL_DELAY = Duration.ofMinutes(5);
    private static final MovableClock CLOCK = new MovableClock();

    @TempDir
    static Path kafkaDir;
    private static LocalKafka kafkaBroker;
    private static LocalMongo mongoServer;
    private static EventTopics kafka;
    private static final List<ConfigurableApplicationContext> running = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Configuration(proxyBeanMethods = false)
    static class SharedClock {

        @Bean
        @Primary
        Clock movableClock() {
            return CLOCK;
        }
    }

    @BeforeAll
    static void startInfrastructure() {
        kafkaBroker = LocalKafka.start(kafkaDir, 0);
        mongoServer = LocalMongo.start(null, 0);
        kafka = new EventTopics(kafkaBroker.bootstrapServers(), "escalation-it");
    }

    @AfterAll
    static void stopEverything() {
        running.forEach(ConfigurableApplicationContext::close);
        kafka.close();
        kafkaBroker.close();
        mongoServer.close();
    }

    @Test
    @Order(1)
    void anUnacknowledgedIncidentEscalatesOnceAfterTheDelayAcrossARestartWithTwoInstancesRunning() throws Exception {
        ConfigurableApplicationContext first = startInstance("first");
        seedTwoLevelService(first);
        String dedupKey = "payments-down-" + UUID.randomUUID();
        kafka.publish(Topics.ALERTS, alert(dedupKey), "alert-" + UUID.randomUUID());
        String incidentId = awaitIncidentId(first, dedupKey);
        await().atMost(PATIENCE).until(() -> pagesOf(incidentId, 1).size() == 1);
        Document timer = await().atMost(PATIENCE).until(() -> timerOf(first, incidentId, 2), found -> found != null);
        Instant triggeredAt = Instant.parse(incident(first, incidentId).get("triggeredAt").asString());
        assertThat(timer.getDate("dueAt").toInstant()).isEqualTo(triggeredAt.plus(LEVEL_DELAY).truncatedTo(
                java.time.temporal.ChronoUnit.MILLIS));
        assertThat(timer.getString("state")).isEqualTo("pending");

        stop(first);
        ConfigurableApplicationContext second = startInstance("second");
        ConfigurableApplicationContext third = startInstance("third");
        CLOCK.advance(LEVEL_DELAY.plusMinutes(1));

        PageRequested escalated = await().atMost(PATIENCE).until(() -> pagesOf(incidentId, 2), pages -> !pages.isEmpty())
                .getFirst();
        assertThat(escalated.target().responderId()).isEqualTo("blake");
        await().atMost(PATIENCE).until(() -> "done".equals(timerOf(second, incidentId, 2).getString("state")));
        awaitOutboxRelayed(third, incidentId);
        JsonNode incident = incident(third, incidentId);
        assertThat(incident.get("escalationLevel").asInt()).isEqualTo(2);
        assertThat(texts(incident)).filteredOn(text -> text.startsWith("Escalated to level 2")).hasSize(1);
        assertThat(pagesOf(incidentId, 2)).hasSize(1);
        assertThat(pagesOf(incidentId, 1)).hasSize(1);
    }

    @Test
    @Order(2)
    void anAcknowledgedIncidentIsNotEscalatedAndItsTimelineSaysWhy() throws Exception {
        ConfigurableApplicationContext instance = running.isEmpty() ? startInstance("again") : running.getFirst();
        seedTwoLevelService(instance);
        String dedupKey = "payments-slow-" + UUID.randomUUID();
        kafka.publish(Topics.ALERTS, alert(dedupKey), "alert-" + UUID.randomUUID());
        String incidentId = awaitIncidentId(instance, dedupKey);
        await().atMost(PATIENCE).until(() -> pagesOf(incidentId, 1).size() == 1);

        HttpResponse<String> acknowledged = http.send(HttpRequest.newBuilder(uri(instance, "/incidents/" + incidentId
                + "/acknowledge")).header("Authorization", "Bearer " + TestTokens.ADMIN).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(acknowledged.statusCode()).isEqualTo(200);
        CLOCK.advance(LEVEL_DELAY.plusMinutes(1));

        await().atMost(PATIENCE).until(() -> texts(incident(instance, incidentId)).stream()
                .anyMatch(text -> text.matches("Level 2 not paged: acknowledged by admin at \\d\\d:\\d\\d UTC")));
        await().atMost(PATIENCE).until(() -> "done".equals(timerOf(instance, incidentId, 2).getString("state")));
        awaitOutboxRelayed(instance, incidentId);
        assertThat(pagesOf(incidentId, 2)).isEmpty();
        assertThat(incident(instance, incidentId).get("escalationLevel").asInt()).isEqualTo(1);
    }

    private static ConfigurableApplicationContext startInstance(String name) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(IncidentServiceApplication.class,
                SharedClock.class)
                .run("--server.port=0",
                        "--spring.mongodb.uri=" + mongoServer.connectionString("incidents"),
                        "--spring.cloud.stream.kafka.binder.brokers=" + kafkaBroker.bootstrapServers(),
                        "--incident.escalation.poll-interval=200ms",
                        "--incident.escalation.instance-id=" + name,
                        "--oncallhq.security.api-token=" + TestTokens.ADMIN);
        running.add(context);
        return context;
    }

    private static void stop(ConfigurableApplicationContext context) {
        running.remove(context);
        context.close();
    }

    private static void seedTwoLevelService(ConfigurableApplicationContext context) {
        MongoTemplate mongo = context.getBean(MongoTemplate.class);
        mongo.save(new Responder("alex", "Alex Rivera", "alex@example.com", "Europe/Berlin", "U0ALEX"));
        mongo.save(new Responder("blake", "Blake Chen", "blake@example.com", "America/New_York", "U0BLAKE"));
        int delay = (int) LEVEL_DELAY.toMinutes();
        mongo.save(new TechnicalService("payments-api", "Payments API", "payments", new EscalationPolicy(List.of(
                new EscalationPolicy.Level(List.of("alex"), delay),
                new EscalationPolicy.Level(List.of("blake"), delay))), true));
    }

    private static AlertTriggered alert(String dedupKey) {
        return new AlertTriggered("payments-api", "payments-generic", "generic", dedupKey, null, "Problem " + dedupKey,
                Severity.CRITICAL, "payments-1", Map.of(), Map.of(), Map.of(), List.of(), Instant.now(), Instant.now(),
                "{}");
    }

    private String awaitIncidentId(ConfigurableApplicationContext context, String dedupKey) {
        return await().atMost(PATIENCE).until(() -> {
            JsonNode all = get(context, "/incidents?serviceId=payments-api&limit=500");
            return StreamSupport.stream(all.spliterator(), false)
                    .filter(incident -> incident.get("title").asString().equals("Problem " + dedupKey))
                    .map(incident -> incident.get("id").asString()).findFirst().orElse(null);
        }, id -> id != null);
    }

    private JsonNode incident(ConfigurableApplicationContext context, String id) throws Exception {
        return get(context, "/incidents/" + id);
    }

    private JsonNode get(ConfigurableApplicationContext context, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(context, path))
                        .header("Authorization", "Bearer " + TestTokens.ADMIN).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static URI uri(ConfigurableApplicationContext context, String path) {
        return URI.create("http://localhost:" + context.getEnvironment().getProperty("local.server.port") + path);
    }

    private static List<String> texts(JsonNode incident) {
        return StreamSupport.stream(incident.get("timeline").spliterator(), false)
                .map(entry -> entry.get("text").asString()).toList();
    }

    /**
     * The distinct page requests of one level, by event id: the outbox relays at least once, so two instances
     * may both send the same message (same event id, same page id), which consumers drop as a redelivery. A page
     * requested twice would carry two event ids.
     */
    private static List<PageRequested> pagesOf(String incidentId, int level) {
        Map<String, PageRequested> byEventId = new LinkedHashMap<>();
        kafka.events(Topics.PAGES, PageEvent.class).stream()
                .filter(event -> event.data() instanceof PageRequested page && page.incidentId().equals(incidentId)
                        && page.level() == level)
                .forEach(event -> byEventId.putIfAbsent(event.id(), (PageRequested) event.data()));
        return List.copyOf(byEventId.values());
    }

    private static Document timerOf(ConfigurableApplicationContext context, String incidentId, int level) {
        return context.getBean(MongoTemplate.class).findOne(query(where("incidentId").is(incidentId)
                .and("level").is(level)), Document.class, EscalationTimers.COLLECTION);
    }

    private static void awaitOutboxRelayed(ConfigurableApplicationContext context, String incidentId) {
        await().atMost(PATIENCE).until(() -> {
            Document stored = context.getBean(MongoTemplate.class).findById(incidentId, Document.class, "incidents");
            return stored != null && stored.getList("outbox", Document.class, List.of()).isEmpty();
        });
    }
}
