package io.oncallhq.notification.config;

import io.oncallhq.contracts.cloudevents.CloudEventCodec;
import io.oncallhq.notification.paging.PageDeliveries;
import io.oncallhq.outbox.OutboxRelay;
import io.oncallhq.outbox.StreamBridgeSender;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.util.List;

@Configuration(proxyBeanMethods = false)
class MessagingConfig {

    @Bean
    CloudEventCodec cloudEventCodec(@Value("${spring.application.name}") String serviceName) {
        return new CloudEventCodec(serviceName);
    }

    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, StreamBridge streamBridge, CloudEventCodec codec) {
        return new OutboxRelay(mongo, new StreamBridgeSender(streamBridge), codec,
                List.of(PageDeliveries.COLLECTION), PageDeliveries.VERSION_FIELD);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
