package io.oncallhq.outbox;

import io.oncallhq.localruntime.LocalKafka;
import io.oncallhq.localruntime.Ports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaHealthIndicatorTest {

    @Test
    void isUpWhileTheBrokerAnswers(@TempDir Path dataDir) {
        try (LocalKafka kafka = LocalKafka.start(dataDir, Ports.free());
             KafkaHealthIndicator indicator = new KafkaHealthIndicator(kafka.bootstrapServers(), Duration.ofSeconds(10))) {
            Health health = indicator.health();

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("nodes", 1).containsKey("clusterId");
        }
    }

    @Test
    void isDownWhenNoBrokerListens() {
        try (KafkaHealthIndicator indicator = new KafkaHealthIndicator("localhost:" + Ports.free(), Duration.ofSeconds(1))) {
            Health health = indicator.health();

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsKey("error");
        }
    }
}
