package io.oncallhq.ingest.config;

import io.oncallhq.contracts.cloudevents.CloudEventCodec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    @Bean
    CloudEventCodec cloudEventCodec(@Value("${spring.application.name}") String serviceName) {
        return new CloudEventCodec(serviceName);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
