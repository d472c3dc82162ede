package io.oncallhq.postmortem.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;

/**
 * The clock and the scheduled overdue check. The outbox relay, the writers and the CloudEvent codec come from the
 * outbox module's auto-configuration ({@code oncallhq.outbox} in application.yml, outbox/README.md).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class MessagingConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
