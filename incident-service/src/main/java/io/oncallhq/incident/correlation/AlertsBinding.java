package io.oncallhq.incident.correlation;

import io.oncallhq.contracts.alert.AlertEvent;
import io.oncallhq.contracts.cloudevents.CloudEventCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/** The {@code alerts} topic (binding {@code alerts-in-0}). A handler failure is retried, then dead-lettered. */
@Configuration(proxyBeanMethods = false)
class AlertsBinding {

    private static final Logger log = LoggerFactory.getLogger(AlertsBinding.class);

    @Bean
    Consumer<Message<byte[]>> alerts(CloudEventCodec codec, CorrelatingAlerts correlating) {
        return message -> codec.decode(message, AlertEvent.class).ifPresentOrElse(correlating::handle,
                () -> log.debug("Skipping an alerts message of a type this service does not know"));
    }
}
