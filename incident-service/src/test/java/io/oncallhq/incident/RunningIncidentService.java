package io.oncallhq.incident;

import io.oncallhq.contracts.Topics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole service on a real KRaft broker and an in-memory MongoDB-wire server, without the demo seed, driven through
 * MockMvc as an admin; the test class registers the tokens ({@code TestTokens.register}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
        "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
        "incident.demo.seed=false"})
@EmbeddedKafka(partitions = 1,
        topics = {Topics.ALERTS, Topics.INCIDENTS, Topics.PAGES, Topics.PAGE_OUTCOMES, Topics.INCIDENT_COMMANDS})
@ContextConfiguration(initializers = InMemoryMongo.class)
@AutoConfigureMockMvc
@Import(AsAdmin.class)
public @interface RunningIncidentService {
}
