package io.oncallhq.ingest;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling // heartbeat checks, key cache checks
public class AlertIngestApplication {

    public static void main(String[] args) {
        SpringApplication.run(AlertIngestApplication.class, args);
    }
}
