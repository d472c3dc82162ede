package io.oncallhq.outbox;

import io.oncallhq.contracts.cloudevents.CloudEventCodec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * Gives every service that lists its outbox collections ({@code oncallhq.outbox.collections}) the relay of those
 * collections and the {@link OutboxWriters} its stores write through, one configuration instead of a copy per
 * service. The documents' version field is {@code version} ({@link OutboxDocument#version()}).
 */
@AutoConfiguration
@Conditional(OutboxAutoConfiguration.CollectionsListed.class)
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

    static final String VERSION_FIELD = "version";

    /** The CloudEvents {@code source} is the service's name; a service may declare its own codec instead. */
    @Bean
    @ConditionalOnMissingBean
    CloudEventCodec cloudEventCodec(@Value("${spring.application.name}") String serviceName) {
        return new CloudEventCodec(serviceName);
    }

    /** Through the output bindings; a service (or a test) may send another way. */
    @Bean
    @ConditionalOnMissingBean
    OutboxSender outboxSender(StreamBridge streamBridge) {
        return new StreamBridgeSender(streamBridge);
    }

    @Bean
    OutboxRelay outboxRelay(MongoOperations mongo, OutboxSender sender, CloudEventCodec codec,
                            OutboxProperties properties) {
        return new OutboxRelay(mongo, sender, codec, properties.collections(), VERSION_FIELD,
                properties.retryInterval(), properties.sweepInterval());
    }

    @Bean
    OutboxWriters outboxWriters(MongoOperations mongo, OutboxRelay relay, CloudEventCodec codec,
                                OutboxProperties properties) {
        return new OutboxWriters(mongo, relay, codec, properties.writeAttempts(), properties.appliedEventIds());
    }

    /** A YAML list binds as {@code collections[0]}, which {@code @ConditionalOnProperty} does not see. */
    static final class CollectionsListed implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return Binder.get(context.getEnvironment())
                    .bind("oncallhq.outbox.collections", Bindable.listOf(String.class))
                    .map(collections -> !collections.isEmpty()).orElse(false);
        }
    }
}
