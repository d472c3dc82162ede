package io.oncallhq.notification.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import io.oncallhq.notification.paging.Page;
import io.oncallhq.notification.paging.PageState;
import io.oncallhq.notification.paging.PagingChannel;
import io.oncallhq.notification.paging.PagingFailedException;
import io.oncallhq.notification.paging.SentPage;

import java.io.IOException;
import java.util.List;

/**
 * Pages through the Slack Web API: a direct message to the responder's Slack user, later rewritten in place
 * ({@code chat.update}) as the incident moves on. One attempt per call, as {@link PagingChannel} requires; Slack's
 * {@code ok: false} answers, HTTP errors and I/O failures all become {@link PagingFailedException}.
 */
public final class SlackChannel implements PagingChannel {

    public static final String NAME = "slack";

    private final MethodsClient methods;

    public SlackChannel(MethodsClient methods) {
        this.methods = methods;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SentPage send(Page page) {
        String slackUserId = page.responder() == null ? null : page.responder().slackUserId();
        if (slackUserId == null || slackUserId.isBlank()) {
            throw new PagingFailedException("responder has no Slack user id");
        }
        String channelId = call("conversations.open",
                () -> methods.conversationsOpen(request -> request.users(List.of(slackUserId))))
                .getChannel().getId();
        String ts = call("chat.postMessage", () -> methods.chatPostMessage(request -> request
                .channel(channelId)
                .text(PageMessage.text(page, PageState.OPEN))
                .blocks(PageMessage.blocks(page, PageState.OPEN))))
                .getTs();
        return new SentPage(channelId, ts);
    }

    @Override
    public void update(Page page, SentPage sent, PageState state) {
        call("chat.update", () -> methods.chatUpdate(request -> request
                .channel(sent.destination())
                .ts(sent.messageRef())
                .text(PageMessage.text(page, state))
                .blocks(PageMessage.blocks(page, state))));
    }

    private static <T extends SlackApiTextResponse> T call(String method, SlackCall<T> call) {
        T response;
        try {
            response = call.run();
        } catch (IOException | SlackApiException e) {
            throw new PagingFailedException(method + " failed: " + e.getMessage(), e);
        }
        if (!response.isOk()) {
            throw new PagingFailedException(method + ": " + response.getError());
        }
        return response;
    }

    @FunctionalInterface
    private interface SlackCall<T> {
        T run() throws IOException, SlackApiException;
    }
}
