package io.oncallhq.incident;

import io.oncallhq.apisecurity.TestTokens;
import io.oncallhq.contracts.Topics;
import io.oncallhq.contracts.cloudevents.ReceivedEvent;
import io.oncallhq.contracts.incident.IncidentEvent;
import io.oncallhq.contracts.page.PageEvent;
import io.oncallhq.contracts.page.PageRequested;
import io.oncallhq.contracts.page.PageUnroutable;
import io.oncallhq.localruntime.EventTopics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The base of the module's integration tests: the whole service on a real KRaft broker and an in-memory MongoDB-wire
 * server, on a random port, with the demo on-call model seeded and the test tokens, driven through MockMvc as an
 * admin (or over HTTP) and through the topics. Every integration test extends it and declares nothing that changes
 * the context, so all of them share one context, one broker and one database: each test makes its own responders,
 * services and incidents under ids of its own, and leaves the demo model ({@code alex}, {@code noor},
 * {@code payments}, {@code payments-primary}, {@code checkout-api}) as seeded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
        "incident.demo.seed=true",
        "incident.demo.slack-user-id=" + RunningIncidentService.DEMO_SLACK_USER_ID,
        "incident.paging.incident-service-url=" + RunningIncidentService.INCIDENT_SERVICE_URL,
        // a loaded test machine must not turn a slow lookup into a page without changes (RecentChangesIT covers that)
        "incident.recent-changes.page-lookup-limit=10s"})
@EmbeddedKafka(partitions = 1, // KRaft: spring-kafka 4 has no ZooKeeper mode, hence no kraft attribute
        topics = {Topics.ALERTS, Topics.CHANGES, Topics.INCIDENTS, Topics.PAGES, Topics.PAGE_OUTCOMES,
                Topics.INCIDENT_COMMANDS})
@ContextConfiguration(initializers = InMemoryMongo.class)
@AutoConfigureMockMvc
@Import(AsAdmin.class)
public abstract class RunningIncidentService {

    protected static final Duration PATIENCE = Duration.ofSeconds(30);
    /** The consumer group the service reads its topics in. */
    protected static final String CONSUMER_GROUP = "incident-service";
    /** The Slack user id the demo seed gives {@code alex} ({@code DEMO_SLACK_USER_ID}). */
    protected static final String DEMO_SLACK_USER_ID = "U0DEMOALEX";
    /** The base of the incident links in pages ({@code INCIDENT_SERVICE_URL}). */
    protected static final String INCIDENT_SERVICE_URL = "http://incidents.example";

    @DynamicPropertySource
    static void tokens(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
        TestTokens.registerResponders(registry, "alex"); // the demo's alex also acts with a personal token
    }

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected MongoTemplate mongo;
    @Autowired
    private EmbeddedKafkaBroker broker;

    protected final JsonMapper json = JsonMapper.builder().build();
    /** The topics as another service sees them, for each test anew. */
    protected EventTopics kafka;

    @BeforeEach
    void connectToTopics() {
        kafka = new EventTopics(broker.getBrokersAsString(), getClass().getSimpleName());
    }

    @AfterEach
    void disconnectFromTopics() {
        kafka.close();
    }

    /** Performs the request (with the JSON body, if any) and answers the body, failing with it on another status. */
    protected JsonNode call(MockHttpServletRequestBuilder request, String jsonBody, int expectedStatus) throws Exception {
        if (jsonBody != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(jsonBody);
        }
        var response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(expectedStatus);
        return json.readTree(response.getContentAsString());
    }

    protected JsonNode body(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString());
    }

    protected JsonNode body(ResultActions result) throws Exception {
        return body(result.andReturn());
    }

    /** {@code GET /incidents/{id}}. */
    protected JsonNode incident(String id) throws Exception {
        return call(get("/incidents/{id}", id), null, 200);
    }

    /** The texts of the incident's timeline, oldest first. */
    protected static List<String> timeline(JsonNode incident) {
        return StreamSupport.stream(incident.get("timeline").spliterator(), false)
                .map(entry -> entry.get("text").asString()).toList();
    }

    /** The fields a problem answer lists as at fault. */
    protected static List<String> fields(JsonNode problem) {
        return StreamSupport.stream(problem.get("errors").spliterator(), false)
                .map(error -> error.get("field").asString()).toList();
    }

    /** The pages requested for the incident so far, in the order published. */
    protected List<PageRequested> pagesOf(String incidentId) {
        return pageEventsOf(incidentId, PageRequested.class);
    }

    /** The levels of the incident that could page nobody so far. */
    protected List<PageUnroutable> unroutableOf(String incidentId) {
        return pageEventsOf(incidentId, PageUnroutable.class);
    }

    /** The incident's events published so far. */
    protected List<IncidentEvent> eventsOf(String incidentId) {
        return kafka.events(Topics.INCIDENTS, IncidentEvent.class).stream().map(ReceivedEvent::data)
                .filter(event -> event.incidentId().equals(incidentId)).toList();
    }

    private <T extends PageEvent> List<T> pageEventsOf(String incidentId, Class<T> type) {
        return kafka.events(Topics.PAGES, PageEvent.class).stream().map(ReceivedEvent::data)
                .filter(page -> page.incidentId().equals(incidentId))
                .filter(type::isInstance).map(type::cast).toList();
    }
}
