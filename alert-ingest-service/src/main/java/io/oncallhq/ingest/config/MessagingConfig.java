package io.oncallhq.ingest.config;

import io.oncallhq.contracts.cloudevents.CloudEventCodec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class MessagingConfig {

    @Bean
    CloudEventCodec cloudEventCodec(@Value("${spring.application.name}") String serviceName) {
        return new CloudEventCodec(serviceName);
    }

    /**
     * Ingest provisions no topics, so Kafka's admin client has one use here: the send observation names the cluster
     * on each span, asking the admin until it knows. While no broker answers (a start during an outage) every send
     * would ask again, holding all sends behind one lock for the admin's timeouts (30 s and more), so no request
     * could answer 503 in time. The spans go without the cluster id instead.
     */
    @Bean
    KafkaAdmin kafkaAdmin(KafkaProperties kafka) {
        return new KafkaAdmin(kafka.buildAdminProperties()) {
            @Override
            public String clusterId() {
                return null;
            }
        };
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
