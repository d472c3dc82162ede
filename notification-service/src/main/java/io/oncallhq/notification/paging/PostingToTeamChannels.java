package io.oncallhq.notification.paging;

import io.oncallhq.contracts.page.PageUnroutable;
import io.oncallhq.outbox.Change;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.util.Optional;

/**
 * One message per incident in the team channel of its service ({@code PageRequested.teamChannel}), however many
 * responders and levels are paged: the incident's first page posts it, later pages rewrite it to list themselves, and
 * incident events rewrite it and add a thread line, each once. A Slack outage is thrown, so the binding redelivers the
 * request or event (the steps already done are skipped); a refusal (unknown channel, bot not in it) is logged.
 */
@Service
class PostingToTeamChannels {

    private static final Logger log = LoggerFactory.getLogger(PostingToTeamChannels.class);

    private final TeamChannelMessages messages;
    private final PagingChannels channels;

    PostingToTeamChannels(TeamChannelMessages messages, PagingChannels channels) {
        this.messages = messages;
        this.channels = channels;
    }

    void handle(Page page, String teamChannel) {
        Optional<TeamChannel> team = channels.teamChannel();
        if (teamChannel == null || teamChannel.isBlank() || team.isEmpty()) {
            return;
        }
        String incidentId = page.incidentId();
        if (!messages.insert(TeamChannelMessage.first(page, teamChannel))) {
            messages.update(incidentId, message -> message.add(page) ? Change.changed() : Change.unchanged());
        }
        TeamChannelMessage message = messages.find(incidentId).orElseThrow();
        try {
            if (message.sent() == null) {
                if (!message.postedBy(page)) {
                    return; // the incident's first page is being posted; it lists this one once saved
                }
                SentPage sent = team.get().post(message.channelId(), message.firstPage(), message.paged(),
                        message.state());
                messages.update(incidentId, stored -> {
                    stored.posted(sent, message.paged().size(), message.eventsTaken());
                    return Change.changed();
                });
                log.info("Incident {} posted to team channel {}", incidentId, message.channelId());
            }
            catchUp(team.get(), incidentId);
        } catch (ChannelUnavailableException e) {
            throw e;
        } catch (PagingFailedException e) {
            log.warn("Incident {}: team channel {} refused the message: {}", incidentId, teamChannel, e.getMessage());
        }
    }

    /**
     * Tells the team channel that a level paged nobody, once per event: recorded on the incident's team message
     * after the post, so a redelivery after a post that was not yet recorded posts again (twice, never zero times).
     * Without a team channel it is only logged.
     */
    void unroutable(String eventId, PageUnroutable unroutable) {
        Optional<TeamChannel> team = channels.teamChannel();
        String teamChannel = unroutable.teamChannel();
        String incidentId = unroutable.incidentId();
        if (teamChannel == null || teamChannel.isBlank() || team.isEmpty()) {
            log.warn("Incident #{} ({}): level {} paged nobody: {}; no team channel to tell", unroutable.incidentNumber(),
                    incidentId, unroutable.level(), unroutable.detail());
            return;
        }
        messages.insert(TeamChannelMessage.awaitingPage(incidentId, teamChannel));
        TeamChannelMessage message = messages.find(incidentId).orElseThrow();
        if (messages.hasTaken(incidentId, eventId)) {
            log.info("Incident {}: the team was told before that level {} paged nobody (event {})", incidentId,
                    unroutable.level(), eventId);
            return;
        }
        try {
            team.get().unroutable(message.channelId(), unroutable);
            log.info("Incident {}: told team channel {} that level {} paged nobody", incidentId, message.channelId(),
                    unroutable.level());
        } catch (ChannelUnavailableException e) {
            throw e;
        } catch (PagingFailedException e) {
            log.warn("Incident {}: team channel {} refused the message that level {} paged nobody: {}", incidentId,
                    message.channelId(), unroutable.level(), e.getMessage());
        }
        messages.updateOnce(incidentId, eventId, stored -> {
            stored.toldUnroutable();
            return Change.changed();
        });
    }

    /** Rewrites the team message and adds its thread line, once per incident event. */
    void apply(String incidentId, String incidentEventId, IncidentChange change) {
        Optional<TeamChannel> team = channels.teamChannel();
        if (team.isEmpty()) {
            return;
        }
        messages.updateOnce(incidentId, incidentEventId, message -> {
            message.show(change);
            if (message.sent() != null) {
                team.get().threadLine(message.sent(), message.firstPage(), change);
                team.get().update(message.sent(), message.firstPage(), message.paged(), message.state());
            }
            return Change.changed();
        });
    }

    private void catchUp(TeamChannel team, String incidentId) {
        messages.update(incidentId, message -> {
            if (!message.behind()) {
                return Change.unchanged();
            }
            team.update(message.sent(), message.firstPage(), message.paged(), message.state());
            message.showing(message.paged().size(), message.eventsTaken());
            return Change.changed();
        });
    }
}
