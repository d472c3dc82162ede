package io.oncallhq.outbox;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

import java.time.Duration;

/**
 * Gives every service that talks to Kafka (through the binder, or Spring Kafka's {@code spring.kafka.bootstrap-servers}
 * as alert-ingest does) the health indicator {@code kafka} (see
 * {@link KafkaHealthIndicator}), one class instead of a copy per service. {@code management.health.kafka.enabled=false}
 * turns it off; {@code management.health.kafka.timeout} (2 s) bounds each check.
 */
@AutoConfiguration
@ConditionalOnClass(HealthIndicator.class)
@Conditional(KafkaHealthAutoConfiguration.BrokersConfigured.class)
public class KafkaHealthAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnEnabledHealthIndicator("kafka")
    KafkaHealthIndicator kafkaHealthIndicator(
            @Value("${spring.cloud.stream.kafka.binder.brokers:${spring.kafka.bootstrap-servers:}}") String brokers,
            @Value("${management.health.kafka.timeout:2s}") Duration timeout) {
        return new KafkaHealthIndicator(brokers, timeout);
    }

    static final class BrokersConfigured extends AnyNestedCondition {

        BrokersConfigured() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnProperty("spring.cloud.stream.kafka.binder.brokers")
        static final class ThroughTheBinder {
        }

        @ConditionalOnProperty("spring.kafka.bootstrap-servers")
        static final class ThroughSpringKafka {
        }
    }
}
