package io.oncallhq.localruntime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKafkaTest {

    @TempDir
    Path dir;

    @Test
    void acknowledgedRecordsSurviveARestart() throws Exception {
        Path logDir = dir.resolve("kafka");
        try (LocalKafka kafka = LocalKafka.start(logDir, 0)) {
            assertThat(kafka.bootstrapServers()).isEqualTo("localhost:" + kafka.port());
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("alerts", 3, (short) 1))).all().get();
            }
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    "bootstrap.servers", kafka.bootstrapServers(), "acks", "all", "enable.idempotence", "true"),
                    new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("alerts", "checkout", "latency above 2s")).get();
            }
            assertThat(readAlerts(kafka, "first-run")).containsExactly("checkout=latency above 2s");
        }
        String clusterId = Files.readString(logDir.resolve("meta.properties"));

        try (LocalKafka kafka = LocalKafka.start(logDir, 0)) {
            assertThat(Files.readString(logDir.resolve("meta.properties"))).isEqualTo(clusterId);
            assertThat(readAlerts(kafka, "after-restart")).containsExactly("checkout=latency above 2s");
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                assertThat(admin.describeTopics(Set.of("alerts")).allTopicNames().get().get("alerts").partitions())
                        .hasSize(3);
            }
        }
    }

    /** Reads {@code alerts} from the beginning, in a new consumer group, until something has arrived. */
    private static List<String> readAlerts(LocalKafka kafka, String group) {
        List<String> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", kafka.bootstrapServers(), "group.id", group, "auto.offset.reset", "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("alerts"));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (records.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    records.add(record.key() + "=" + record.value());
                }
            }
        }
        return records;
    }
}
