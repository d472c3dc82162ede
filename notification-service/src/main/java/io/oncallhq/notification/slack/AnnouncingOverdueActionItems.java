package io.oncallhq.notification.slack;

import io.oncallhq.contracts.cloudevents.CloudEventCodec;
import io.oncallhq.contracts.cloudevents.ReceivedEvent;
import io.oncallhq.contracts.postmortem.ActionItemOverdue;
import io.oncallhq.contracts.postmortem.PostmortemEvent;
import io.oncallhq.notification.config.NotificationProperties;
import io.oncallhq.notification.paging.TeamChannelMessage;
import io.oncallhq.notification.paging.TeamChannelMessages;
import io.oncallhq.notification.slack.IncidentDirectory.Responder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Announces each overdue post-mortem action item once (binding {@code postmortems-in-0}, recorded by event id): to its
 * owner's Slack DM when the owner is a responder with a Slack user id ({@code GET /responders/{id}}), else to the team
 * channel of the incident's pages, else to this service's log. incident-service or Slack not answering is thrown, so
 * the binding retries and finally dead-letters the event.
 */
@Configuration(proxyBeanMethods = false)
class AnnouncingOverdueActionItems {

    private static final Logger log = LoggerFactory.getLogger(AnnouncingOverdueActionItems.class);

    private final OverdueAnnouncements announcements;
    private final IncidentDirectory directory;
    private final TeamChannelMessages teamMessages;
    private final SlackCalls slack;
    private final boolean slackEnabled;
    private final Clock clock;

    AnnouncingOverdueActionItems(OverdueAnnouncements announcements, IncidentDirectory directory,
                                 TeamChannelMessages teamMessages, SlackCalls slack, NotificationProperties properties,
                                 Clock clock) {
        this.announcements = announcements;
        this.directory = directory;
        this.teamMessages = teamMessages;
        this.slack = slack;
        this.slackEnabled = properties.slack().pagingEnabled();
        this.clock = clock;
    }

    @Bean
    Consumer<Message<byte[]>> postmortems(CloudEventCodec codec) {
        return message -> codec.decode(message, PostmortemEvent.class).ifPresent(this::handle);
    }

    void handle(ReceivedEvent<PostmortemEvent> event) {
        switch (event.data()) {
            case ActionItemOverdue overdue -> announce(event.id(), overdue);
        }
    }

    private void announce(String eventId, ActionItemOverdue overdue) {
        if (announcements.announced(eventId)) {
            log.info("Overdue action item {} was announced already (event {})", overdue.actionItemId(), eventId);
            return;
        }
        String text = text(overdue);
        String where = "log";
        Optional<String> ownerSlackId = slackEnabled ? ownerSlackUserId(overdue) : Optional.empty();
        Optional<String> teamChannel = slackEnabled ? teamMessages.find(overdue.incidentId())
                .map(TeamChannelMessage::channelId) : Optional.empty();
        if (ownerSlackId.isPresent()) {
            String dm = slack.call("conversations.open", methods -> methods.conversationsOpen(request -> request
                    .users(List.of(ownerSlackId.get())))).getChannel().getId();
            post(dm, text);
            where = "slack-dm:" + ownerSlackId.get();
        } else if (teamChannel.isPresent()) {
            post(teamChannel.get(), text);
            where = "slack-channel:" + teamChannel.get();
        } else {
            log.warn("Overdue action item (no Slack owner or team channel known): {}", text);
        }
        announcements.record(eventId, overdue.actionItemId(), where, clock.instant());
    }

    private Optional<String> ownerSlackUserId(ActionItemOverdue overdue) {
        if (overdue.ownerId() == null || overdue.ownerId().isBlank()) {
            return Optional.empty();
        }
        return directory.responder(overdue.ownerId()).map(Responder::slackUserId).filter(id -> !id.isBlank());
    }

    private void post(String channelId, String text) {
        slack.call("chat.postMessage", methods -> methods.chatPostMessage(request -> request
                .channel(channelId).text(text)));
    }

    private static String text(ActionItemOverdue overdue) {
        String link = overdue.postmortemUrl() == null ? "" : " <" + overdue.postmortemUrl() + "|Open the post-mortem>";
        return ":hourglass: Action item overdue since " + overdue.dueDate() + ": *" + PageMessage.escape(overdue.title()) + "*" + link;
    }
}
