package io.oncallhq.notification.slack;

import io.oncallhq.contracts.cloudevents.CloudEventCodec;
import io.oncallhq.contracts.command.IncidentCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Sends incident commands straight to {@code incident-commands} (binding {@value #BINDING}, a sync producer): the
 * request that caused them keeps no state here, so there is nothing to write together with them and no outbox.
 */
@Component
class IncidentCommands {

    static final String BINDING = "incident-commands-out-0";
    private static final Logger log = LoggerFactory.getLogger(IncidentCommands.class);

    private final StreamBridge streamBridge;
    private final CloudEventCodec codec;

    IncidentCommands(StreamBridge streamBridge, CloudEventCodec codec) {
        this.streamBridge = streamBridge;
        this.codec = codec;
    }

    /** Returns once the broker has the command; throws {@link CommandNotPublishedException} otherwise. */
    void publish(IncidentCommand command) {
        String id = UUID.randomUUID().toString();
        boolean accepted;
        try {
            accepted = streamBridge.send(BINDING, codec.toMessage(command, id, command.requestedAt()));
        } catch (RuntimeException e) {
            throw new CommandNotPublishedException(e);
        }
        if (!accepted) {
            throw new CommandNotPublishedException(new IllegalStateException("binding " + BINDING + " refused it"));
        }
        log.info("Published {} {} for incident {} by {}", command.getClass().getSimpleName(), id, command.incidentId(),
                command.actor().id());
    }
}
