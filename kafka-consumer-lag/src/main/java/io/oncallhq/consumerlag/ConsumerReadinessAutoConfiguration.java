package io.oncallhq.consumerlag;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.cloud.stream.binder.kafka.KafkaBindingRebalanceListener;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.context.annotation.Bean;

/**
 * Gives every service with Kafka consumer bindings the health indicator {@code consumers}
 * ({@link ConsumerAssignments}), which the services put in their readiness group.
 * {@code management.health.consumers.enabled=false} turns it off. The binder takes the application's single
 * {@link KafkaBindingRebalanceListener} for every consumer binding.
 */
@AutoConfiguration(afterName = "org.springframework.cloud.stream.config.BindingServiceConfiguration")
@ConditionalOnClass({HealthIndicator.class, KafkaBindingRebalanceListener.class, BindingServiceProperties.class})
@ConditionalOnBean(BindingServiceProperties.class)
public class ConsumerReadinessAutoConfiguration {

    @Bean
    @ConditionalOnEnabledHealthIndicator("consumers")
    ConsumerAssignments consumersHealthIndicator(BindingServiceProperties bindings) {
        return new ConsumerAssignments(ConsumerBindings.names(bindings));
    }
}
