package io.oncallhq.consumerlag;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.context.annotation.Bean;

/**
 * Gives every service with Spring Cloud Stream bindings and a meter registry the consumer-lag gauges of its consumer
 * groups ({@link ConsumerLagGauges}), asked from the broker the Kafka binder uses. It replaces the binder's own lag
 * gauge, which stays off because its polling could hang the context's close.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.cloud.stream.config.BindingServiceConfiguration"})
@ConditionalOnClass({MeterRegistry.class, BindingServiceProperties.class, Admin.class})
@ConditionalOnBean({MeterRegistry.class, BindingServiceProperties.class})
@ConditionalOnBooleanProperty(name = "oncallhq.consumer-lag.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ConsumerLagProperties.class)
public class ConsumerLagAutoConfiguration {

    /** The binder's own fallback: {@code spring.kafka.bootstrap-servers} when the binder names no brokers. */
    @Bean
    ConsumerLagGauges consumerLagGauges(
            BindingServiceProperties bindings, ConsumerLagProperties properties, MeterRegistry registry,
            @Value("${spring.cloud.stream.kafka.binder.brokers:${spring.kafka.bootstrap-servers:localhost:9092}}")
            String bootstrapServers) {
        return new ConsumerLagGauges(ConsumerBindings.of(bindings), bootstrapServers, properties, registry);
    }
}
