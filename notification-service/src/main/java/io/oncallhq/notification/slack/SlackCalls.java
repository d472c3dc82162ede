package io.oncallhq.notification.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import io.oncallhq.notification.paging.ChannelUnavailableException;
import io.oncallhq.notification.paging.PagingFailedException;

import java.io.IOException;
import java.time.Duration;

/**
 * One Slack Web API call through the SDK (timed per method by the {@code slack.api} observation on the SDK's HTTP
 * client, see {@code SlackApiObservation}). HTTP 429 (with its {@code Retry-After}), 5xx and I/O failures become
 * {@link ChannelUnavailableException}; Slack's {@code ok: false} answers and other HTTP errors
 * {@link PagingFailedException}.
 */
public final class SlackCalls {

    private final MethodsClient methods;

    public SlackCalls(MethodsClient methods) {
        this.methods = methods;
    }

    <T extends SlackApiTextResponse> T call(String method, SlackCall<T> call) {
        T response;
        try {
            response = call.run(methods);
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
        T run(MethodsClient methods) throws IOException, SlackApiException;
    }
}
