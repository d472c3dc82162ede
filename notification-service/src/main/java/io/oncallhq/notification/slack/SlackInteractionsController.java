package io.oncallhq.notification.slack;

import io.oncallhq.contracts.Actor;
import io.oncallhq.contracts.command.AcknowledgeIncident;
import io.oncallhq.contracts.command.IncidentCommand;
import io.oncallhq.contracts.command.ResolveIncident;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.Optional;

/**
 * Slack's interactivity request URL. The body is taken as raw bytes (never as a parsed form) because the signature
 * covers exactly those bytes. A button press becomes an incident command on {@code incident-commands}; incident-service
 * decides, and the page message changes when its {@code IncidentAcknowledged}/{@code IncidentResolved} comes back.
 * Keeps no state, so it answers well within Slack's three seconds.
 */
@RestController
class SlackInteractionsController {

    private static final Logger log = LoggerFactory.getLogger(SlackInteractionsController.class);

    private final SlackSignatureVerifier verifier;
    private final IncidentCommands commands;
    private final Clock clock;

    SlackInteractionsController(SlackSignatureVerifier verifier, IncidentCommands commands, Clock clock) {
        this.verifier = verifier;
        this.commands = commands;
        this.clock = clock;
    }

    @PostMapping("/slack/interactions")
    ResponseEntity<Void> interact(@RequestHeader(name = SlackSignatureVerifier.TIMESTAMP_HEADER, required = false) String timestamp,
                                  @RequestHeader(name = SlackSignatureVerifier.SIGNATURE_HEADER, required = false) String signature,
                                  @RequestBody(required = false) byte[] body) {
        byte[] raw = body == null ? new byte[0] : body;
        verifier.verify(timestamp, signature, raw);
        ButtonPress.fromFormBody(raw).flatMap(this::toCommand).ifPresent(commands::publish);
        return ResponseEntity.ok().build();
    }

    private Optional<IncidentCommand> toCommand(ButtonPress press) {
        Actor actor = Actor.slackUser(press.userId(), press.userName());
        if (press.value() == null || press.value().isBlank()) {
            log.info("Ignoring Slack action {} without an incident id", press.actionId());
            return Optional.empty();
        }
        return switch (press.actionId()) {
            case PageMessage.ACKNOWLEDGE -> Optional.of(new AcknowledgeIncident(press.value(), actor, clock.instant()));
            case PageMessage.RESOLVE -> Optional.of(new ResolveIncident(press.value(), actor, clock.instant()));
            default -> {
                log.info("Ignoring unknown Slack action {}", press.actionId());
                yield Optional.empty();
            }
        };
    }
}
