package io.oncallhq.notification.slack;

import com.slack.api.model.Message;
import io.oncallhq.contracts.page.PageTarget;
import io.oncallhq.notification.paging.IncidentChange;
import io.oncallhq.notification.paging.Page;
import io.oncallhq.notification.paging.PageDigest;
import io.oncallhq.notification.paging.PageState;
import io.oncallhq.notification.paging.PagingChannel;
import io.oncallhq.notification.paging.PagingFailedException;
import io.oncallhq.notification.paging.SentPage;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pages through the Slack Web API: a direct message to the responder's Slack user, later rewritten in place
 * ({@code chat.update}) as the incident moves on, with a line in its thread for each change. One attempt per call, as
 * {@link PagingChannel} requires (see {@link SlackCalls} for which failures are which). Every message to a channel
 * first waits for its turn under that channel's rate limit. In a storm the responder's pages of one service come as
 * one digest message in the same DM ({@link DigestMessage}), rewritten in place as more come.
 */
public final class SlackChannel implements PagingChannel {

    public static final String NAME = "slack";
    /** The message metadata type a page carries, with its page id, so a retry can find it. */
    static final String PAGE_EVENT = "oncallhq_page";
    /** How far back a retry looks in the DM: more than a storm's worth of pages to one responder between attempts. */
    private static final int HISTORY_LIMIT = 200;

    private final SlackCalls slack;
    private final SlackMessages messages;
    private final Duration pace;

    public SlackChannel(SlackCalls slack, ChannelThrottle throttle) {
        this.slack = slack;
        this.messages = new SlackMessages(slack, throttle);
        this.pace = throttle.spacing();
    }

    @Override
    public String name() {
        return NAME;
    }

    /** A page goes to the responder's DM channel, so the channel's rate limit is the responder's pace. */
    @Override
    public Duration pace() {
        return pace;
    }

    @Override
    public SentPage send(Page page, String address) {
        String channelId = openDm(page.responder(), address);
        String ts = messages.post(channelId, PageMessage.text(page, PageState.OPEN),
                PageMessage.blocks(page, PageState.OPEN),
                new Message.Metadata(PAGE_EVENT, Map.of("page_id", page.pageId())));
        return new SentPage(channelId, ts);
    }

    /**
     * The DM's recent messages ({@code conversations.history}, scope {@code im:history}) with their metadata: the page
     * is there when an earlier attempt posted it but stopped before the outcome was saved.
     */
    @Override
    public Optional<SentPage> findSent(Page page, String address) {
        String channelId = openDm(page.responder(), address);
        List<Message> recent = slack.call("conversations.history", methods -> methods.conversationsHistory(request ->
                request.channel(channelId).limit(HISTORY_LIMIT).includeAllMetadata(true))).getMessages();
        return (recent == null ? List.<Message>of() : recent).stream()
                .filter(message -> message.getMetadata() != null
                        && PAGE_EVENT.equals(message.getMetadata().getEventType())
                        && message.getMetadata().getEventPayload() != null
                        && page.pageId().equals(String.valueOf(message.getMetadata().getEventPayload().get("page_id"))))
                .findFirst().map(message -> new SentPage(channelId, message.getTs()));
    }

    @Override
    public boolean digests() {
        return true;
    }

    /** The storm's digest goes to the same DM as the responder's pages. */
    @Override
    public SentPage sendDigest(PageDigest digest, String address) {
        String channelId = openDm(digest.responder(), address);
        return new SentPage(channelId, messages.post(channelId, DigestMessage.text(digest), DigestMessage.blocks(digest),
                null));
    }

    @Override
    public void updateDigest(PageDigest digest, SentPage sent) {
        messages.update(sent, DigestMessage.text(digest), DigestMessage.blocks(digest));
    }

    /** The responder's DM channel; {@code conversations.open} gives the same one every time. */
    private String openDm(PageTarget responder, String address) {
        String slackUserId = address != null ? address : responder == null ? null : responder.slackUserId();
        if (slackUserId == null || slackUserId.isBlank()) {
            throw new PagingFailedException("responder has no Slack user id");
        }
        return slack.call("conversations.open",
                methods -> methods.conversationsOpen(request -> request.users(List.of(slackUserId))))
                .getChannel().getId();
    }

    @Override
    public void update(Page page, SentPage sent, PageState state) {
        messages.update(sent, PageMessage.text(page, state), PageMessage.blocks(page, state));
    }

    @Override
    public void threadLine(Page page, SentPage sent, IncidentChange change) {
        messages.reply(sent, PageMessage.threadLine(change));
    }
}
