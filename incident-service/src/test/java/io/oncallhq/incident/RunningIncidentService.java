package io.oncallhq.incident;

import io.oncallhq.apisecurity.TestTokens;
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
 * MockMvc as an admin, with the test tokens. Every class so annotated (and declaring nothing that changes the context)
 * shares one context, one broker and one database: each test makes its own services and incidents.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
        "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
        "incident.demo.seed=false"})
@EmbeddedKafka(partitions = 1,
        topics = {Topics.ALERTS, Topics.INCIDENTS, Topics.PAGES, Topics.PAGE_OUTCOMES, Topics.INCIDENT_COMMANDS})
@ContextConfiguration(initializers = {InMemoryMongo.class, TestTokens.Initializer.class})
@AutoConfigureMockMvc
@Import(AsAdmin.class)
public @interface RunningIncidentService {
}
