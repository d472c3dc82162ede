package io.oncallhq.incident.lifecycle;

import io.oncallhq.contracts.cloudevents.CloudEventCodec;
import io.oncallhq.contracts.command.IncidentCommand;
import io.oncallhq.contracts.page.PageOutcomeEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/**
 * The {@code incident-commands} and {@code page-outcomes} topics (bindings {@code incidentCommands-in-0},
 * {@code pageOutcomes-in-0}). A handler failure is retried, then dead-lettered.
 */
@Configuration(proxyBeanMethods = false)
class IncidentBindings {

    private static final Logger log = LoggerFactory.getLogger(IncidentBindings.class);

    @Bean
    Consumer<Message<byte[]>> incidentCommands(CloudEventCodec codec, HandlingIncidentCommands commands) {
        return message -> codec.decode(message, IncidentCommand.class).ifPresentOrElse(commands::handle,
                () -> log.debug("Skipping an incident-commands message of a type this service does not know"));
    }

    @Bean
    Consumer<Message<byte[]>> pageOutcomes(CloudEventCodec codec, RecordingPageOutcomes outcomes) {
        return message -> codec.decode(message, PageOutcomeEvent.class).ifPresentOrElse(outcomes::handle,
                () -> log.debug("Skipping a page-outcomes message of a type this service does not know"));
    }
}
