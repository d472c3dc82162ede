package io.oncallhq.notification.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import io.oncallhq.notification.paging.ChannelUnavailableException;
import io.oncallhq.notification.paging.Page;
import io.oncallhq.notification.paging.PageState;
import io.oncallhq.notification.paging.PagingChannel;
import io.oncallhq.notification.paging.PagingFailedException;
import io.oncallhq.notification.paging.SentPage;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Pages through the Slack Web API: a direct message to the responder's Slack user, later rewritten in place
 * ({@code chat.update}) as the incident moves on. One attempt per call, as {@link PagingChannel} requires: HTTP 429
 * (with its {@code Retry-After}), 5xx and I/O failures become {@link ChannelUnavailableException}, Slack's
 * {@code ok: false} answers and other HTTP errors {@link PagingFailedException}. Every message to a channel first
 * waits for its turn under that channel's rate limit.
 */
public final class SlackChannel implements PagingChannel {

    public static final String NAME = "slack";

    private final MethodsClient methods;
    private final ChannelThrottle throttle;

    public SlackChannel(MethodsClient methods, ChannelThrottle throttle) {
        this.methods = methods;
        this.throttle = throttle;
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
        throttle.awaitTurn(channelId);
        String ts = call("chat.postMessage", () -> methods.chatPostMessage(request -> request
                .channel(channelId)
                .text(PageMessage.text(page, PageState.OPEN))
                .blocks(PageMessage.blocks(page, PageState.OPEN))))
                .getTs();
        return new SentPage(channelId, ts);
    }

    @Override
    public void update(Page page, SentPage sent, PageState state) {
        throttle.awaitTurn(sent.destination());
        call("chat.update", () -> methods.chatUpdate(request -> request
                .channel(sent.destination())
                .ts(sent.messageRef())
                .text(PageMessage.text(page, state))
                .blocks(PageMessage.blocks(page, state))));
    }

    static <T extends SlackApiTextResponse> T call(String method, SlackCall<T> call) {
        T response;
        try {
            response = call.run();
        } catch (IOException e) {
            throw new ChannelUnavailableException(method + " failed: " + e.getMessage(), null, e);
        } catch (SlackApiException e) {
            throw failure(method, e);
        }
        if (!response.isOk()) {
            throw new PagingFailedException(method + ": " + response.getError());
        }
        return response;
    }

    /** 429 and 5xx are Slack being busy or broken (worth retrying); other HTTP errors refuse this call. */
    private static PagingFailedException failure(String method, SlackApiException e) {
        int status = e.getResponse().code();
        String reason = method + " failed: HTTP " + status;
        if (status == 429) {
            return new ChannelUnavailableException(reason + " (rate limited)", retryAfter(e), e);
        }
        if (status >= 500) {
            return new ChannelUnavailableException(reason, null, e);
        }
        return new PagingFailedException(reason, e);
    }

    /** Slack's {@code Retry-After} is a number of seconds. */
    private static Duration retryAfter(SlackApiException e) {
        String header = e.getResponse().header("Retry-After");
        if (header == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(header.trim()));
        } catch (NumberFormatException notSeconds) {
            return null;
        }
    }

    @FunctionalInterface
    interface SlackCall<T> {
        T run() throws IOException, SlackApiException;
    }
}
