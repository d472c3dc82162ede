package io.oncallhq.system;

import io.oncallhq.localruntime.LocalSystem;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

import java.util.Map;

/** The same scenario on real Apache Kafka and MongoDB images; skipped where no Docker engine runs. */
@Testcontainers(disabledWithoutDocker = true)
class ContainersSystemIT extends AlertToPostmortemScenario {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.0");

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");

    @Override
    Map<String, String> infrastructure() {
        return Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", KAFKA.getBootstrapServers(),
                "MONGODB_SERVER", "mongodb://" + MONGO.getHost() + ":" + MONGO.getMappedPort(27017));
    }

    @Override
    String bootstrapServers(LocalSystem system) {
        return KAFKA.getBootstrapServers();
    }
}
