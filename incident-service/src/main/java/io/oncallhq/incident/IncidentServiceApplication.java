package io.oncallhq.incident;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/** The outbox relay, its writers and the event codec come from the outbox module ({@code oncallhq.outbox.*}). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IncidentServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(IncidentServiceApplication.class, args);
    }

    /** The clock the use cases read. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
