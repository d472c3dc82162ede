package io.oncallhq.incident.config;

import io.oncallhq.contracts.cloudevents.CloudEventCodec;
import io.oncallhq.outbox.OutboxRelay;
import io.oncallhq.outbox.StreamBridgeSender;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.util.List;

/** The event codec, the relay of the incidents' outboxes, and the clock the use cases read. */
@Configuration(proxyBeanMethods = false)
class OutboxConfiguration {

    @Bean
    CloudEventCodec cloudEventCodec() {
        return new CloudEventCodec("incident-service");
    }

    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, StreamBridge streamBridge, CloudEventCodec codec) {
        return new OutboxRelay(mongo, new StreamBridgeSender(streamBridge), codec, List.of("incidents"), "version");
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
