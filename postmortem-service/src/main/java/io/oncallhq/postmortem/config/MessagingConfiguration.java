package io.oncallhq.postmortem.config;

import io.oncallhq.contracts.cloudevents.CloudEventCodec;
import io.oncallhq.outbox.OutboxRelay;
import io.oncallhq.outbox.StreamBridgeSender;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;
import java.util.List;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class MessagingConfiguration {

    /** Where action items keep their outbox; the relay bumps their {@code version} when it empties it. */
    private static final String ACTION_ITEMS = "action_items";

    @Bean
    CloudEventCodec cloudEventCodec(@Value("${spring.application.name}") String serviceName) {
        return new CloudEventCodec(serviceName);
    }

    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, StreamBridge streamBridge, CloudEventCodec codec) {
        return new OutboxRelay(mongo, new StreamBridgeSender(streamBridge), codec, List.of(ACTION_ITEMS), "version");
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
