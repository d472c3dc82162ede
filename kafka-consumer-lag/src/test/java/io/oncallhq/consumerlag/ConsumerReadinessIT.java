package io.oncallhq.consumerlag;

import io.oncallhq.localruntime.LocalKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Spring Cloud Stream application with two consumer bindings on a real KRaft broker: the binder hands its
 * assignments to the auto-configured indicator, which turns ready once both bindings read their topics.
 */
class ConsumerReadinessIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void theServiceIsReadyOnceEveryConsumerBindingHasItsPartitions(@TempDir Path dataDir) {
        try (LocalKafka kafka = LocalKafka.start(dataDir, 0);
             ConfigurableApplicationContext service = new SpringApplicationBuilder(TwoConsumers.class)
                     .web(WebApplicationType.NONE)
                     .run("--spring.cloud.function.definition=orders;refunds",
                             "--spring.cloud.stream.bindings.orders-in-0.group=billing",
                             "--spring.cloud.stream.bindings.refunds-in-0.group=billing",
                             "--spring.cloud.stream.kafka.binder.brokers=" + kafka.bootstrapServers(),
                             "--oncallhq.consumer-lag.enabled=false")) {
            ConsumerAssignments consumers = service.getBean(ConsumerAssignments.class);

            await().atMost(PATIENCE).untilAsserted(() -> {
                Health health = consumers.health();
                assertThat(health.getStatus()).isEqualTo(Status.UP);
                assertThat(health.getDetails()).containsEntry("assigned", List.of("orders-in-0", "refunds-in-0"));
            });
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class TwoConsumers {

        @Bean
        Consumer<String> orders() {
            return order -> { };
        }

        @Bean
        Consumer<String> refunds() {
            return refund -> { };
        }
    }
}
