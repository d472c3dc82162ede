package io.oncallhq.notification.slack;

import io.oncallhq.contracts.Actor;
import io.oncallhq.contracts.command.IncidentCommand;
import io.oncallhq.notification.paging.PageDeliveries;
import io.oncallhq.notification.paging.PageDigests;
import io.oncallhq.notification.paging.PageState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a button press does. In order: a press handled before (Slack retried the request) does nothing again; a Slack
 * user not linked to a responder ({@link LinkedSlackUsers}) is told how to get linked; a press on a stale button (the
 * incident moved past what the button asks for, as the page deliveries know from the applied incident events) is told
 * who did it and when; the rest becomes an incident command, by the Slack user (incident-service acts as the responder
 * with that Slack id). Nothing but the command is published, and only once. A storm digest's Acknowledge all becomes
 * one acknowledge per incident of the digest that is still open; when the broker refuses one, the press is released
 * (503) and pressing again acknowledges those still open as far as this service knows.
 */
@Service
class PressingButtons {

    private static final Logger log = LoggerFactory.getLogger(PressingButtons.class);
    static final String HOW_TO_LINK = "Your Slack account is not linked to an on-call responder yet, so this button "
            + "did nothing. Ask an admin to put your Slack member ID (%s; Profile > ... > Copy member ID) on your "
            + "responder in incident-service, then try again in a minute.";

    private final HandledSlackRequests handled;
    private final LinkedSlackUsers linked;
    private final PageDeliveries deliveries;
    private final PageDigests digests;
    private final IncidentCommands commands;
    private final EphemeralReplies replies;
    private final Clock clock;

    PressingButtons(HandledSlackRequests handled, LinkedSlackUsers linked, PageDeliveries deliveries,
                    PageDigests digests, IncidentCommands commands, EphemeralReplies replies, Clock clock) {
        this.handled = handled;
        this.linked = linked;
        this.deliveries = deliveries;
        this.digests = digests;
        this.commands = commands;
        this.replies = replies;
        this.clock = clock;
    }

    /** @param retry Slack's {@code X-Slack-Retry-Num} and reason, null on the first delivery */
    void press(ButtonPress press, String retry) {
        Optional<IncidentAction> action = IncidentAction.ofActionId(press.actionId());
        if (action.isEmpty() || press.value() == null || press.value().isBlank()) {
            log.info("Ignoring Slack action {} (unknown, or without an incident id)", press.actionId());
            return;
        }
        Instant now = clock.instant();
        String key = press.deliveryKey();
        if (!handled.claim(key, press.userId(), press.actionId(), now)) {
            log.info("Slack delivered the press {} of {} again (retry {}); it was handled already", press.actionId(),
                    press.userId(), retry);
            return;
        }
        if (!linked.linked(press.userId())) {
            log.info("Slack user {} pressed {} but is not linked to a responder", press.userId(), press.actionId());
            replies.tell(press, HOW_TO_LINK.formatted(press.userId()));
            return;
        }
        if (action.get().onDigest()) {
            actOnDigest(action.get(), press, key, now);
            return;
        }
        String stale = action.get().staleness(deliveries.incidentState(press.value()));
        if (stale != null) {
            replies.tell(press, stale);
            return;
        }
        publish(List.of(action.get().command(press.value(), Actor.slackUser(press.userId(), press.userName()), now)),
                key);
    }

    private void actOnDigest(IncidentAction action, ButtonPress press, String key, Instant now) {
        Optional<List<String>> incidents = digests.incidentsOf(press.value());
        if (incidents.isEmpty()) {
            replies.tell(press, "This digest is not known here. Nothing was changed.");
            return;
        }
        Map<String, PageState> states = deliveries.incidentStates(incidents.get());
        Actor actor = Actor.slackUser(press.userId(), press.userName());
        List<IncidentCommand> open = incidents.get().stream()
                .filter(incidentId -> action.staleness(states.getOrDefault(incidentId, PageState.OPEN)) == null)
                .map(incidentId -> action.command(incidentId, actor, now)).toList();
        if (open.isEmpty()) {
            replies.tell(press, "Every incident of this digest was already acknowledged or resolved. Nothing was "
                    + "changed.");
            return;
        }
        publish(open, key);
        log.info("{} pressed {} on digest {}: {} of its {} incidents", press.userId(), press.actionId(),
                press.value(), open.size(), incidents.get().size());
    }

    private void publish(List<IncidentCommand> toPublish, String key) {
        try {
            toPublish.forEach(commands::publish);
        } catch (CommandNotPublishedException e) {
            handled.release(key);
            throw e;
        }
    }
}
