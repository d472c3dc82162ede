package io.oncallhq.incident.change;

import io.oncallhq.contracts.change.ChangeEvent;
import io.oncallhq.contracts.change.ChangeRecorded;
import io.oncallhq.contracts.cloudevents.CloudEventCodec;
import io.oncallhq.contracts.cloudevents.ReceivedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/**
 * The {@code changes} topic (binding {@code changes-in-0}): each change stored once by its CloudEvent id. A store
 * failure is retried, then dead-lettered; types this service does not know are skipped.
 */
@Configuration(proxyBeanMethods = false)
class ChangesBinding {

    private static final Logger log = LoggerFactory.getLogger(ChangesBinding.class);

    @Bean
    Consumer<Message<byte[]>> changes(CloudEventCodec codec, ServiceChanges changes) {
        return message -> codec.decode(message, ChangeEvent.class).ifPresentOrElse(event -> store(event, changes),
                () -> log.debug("Skipping a changes message of a type this service does not know"));
    }

    private static void store(ReceivedEvent<ChangeEvent> event, ServiceChanges changes) {
        switch (event.data()) {
            case ChangeRecorded recorded -> {
                if (!changes.store(ServiceChange.received(event.id(), recorded))) {
                    log.debug("Change {} stored before: a redelivery", event.id());
                }
            }
        }
    }
}
