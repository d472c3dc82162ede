package io.oncallhq.notification.webhook;

import io.oncallhq.contracts.page.RecentChange;
import io.oncallhq.notification.paging.ChannelUnavailableException;
import io.oncallhq.notification.paging.Page;
import io.oncallhq.notification.paging.PageState;
import io.oncallhq.notification.paging.PagingChannel;
import io.oncallhq.notification.paging.PagingFailedException;
import io.oncallhq.notification.paging.SentPage;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The generic outgoing webhook: POSTs the page as JSON, signed ({@link WebhookSignature}), to the responder's own
 * webhook URL (their contact rule) or the configured one (the fallback when Slack stays down; may be null). One attempt per call; a webhook message cannot be edited, so updates do nothing.
 * The page id travels as {@code Idempotency-Key} so a receiver can drop a resent page.
 */
public final class WebhookChannel implements PagingChannel {

    public static final String NAME = "webhook";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI url;
    private final WebhookSignature signature;
    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;

    public WebhookChannel(URI url, WebhookSignature signature, Duration timeout, Clock clock) {
        this.url = url;
        this.signature = signature;
        this.timeout = timeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SentPage send(Page page, String address) {
        URI target = address != null ? webhookUrl(address) : url;
        if (target == null) {
            throw new PagingFailedException("no webhook URL for this responder");
        }
        byte[] body = JSON.writeValueAsBytes(payload(page));
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", page.pageId())
                .header(WebhookSignature.HEADER, signature.header(clock.instant().getEpochSecond(), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<Void> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new ChannelUnavailableException("webhook failed: " + e.getMessage(), null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChannelUnavailableException("webhook call interrupted", null, e);
        }
        int status = response.statusCode();
        if (status >= 500 || status == 429) {
            throw new ChannelUnavailableException("webhook answered HTTP " + status, null, null);
        }
        if (status >= 300) {
            throw new PagingFailedException("webhook answered HTTP " + status);
        }
        return new SentPage(target.toString(), null);
    }

    private static URI webhookUrl(String address) {
        try {
            URI uri = URI.create(address);
            if ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) {
                return uri;
            }
        } catch (IllegalArgumentException invalid) {
            // refused below
        }
        throw new PagingFailedException("webhook address is not an http(s) URL: " + address);
    }

    @Override
    public void update(Page page, SentPage sent, PageState state) {
        // A delivered webhook call cannot be changed afterwards.
    }

    private static Map<String, Object> payload(Page page) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "page");
        payload.put("pageId", page.pageId());
        payload.put("incidentId", page.incidentId());
        payload.put("incidentNumber", page.incidentNumber());
        payload.put("headline", page.headline());
        payload.put("title", page.title());
        payload.put("severity", page.severity() == null ? null : page.severity().name().toLowerCase());
        payload.put("service", page.serviceName());
        payload.put("level", page.level());
        payload.put("incidentUrl", page.incidentUrl());
        payload.put("responder", page.responder());
        payload.put("recentChanges", page.recentChanges().stream().map(WebhookChannel::change).toList());
        return payload;
    }

    /** {@code {"summary","source","at","href"}}, the time as ISO-8601 UTC; absent parts are null. */
    private static Map<String, Object> change(RecentChange change) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("summary", change.summary());
        json.put("source", change.source());
        json.put("at", change.at() == null ? null : change.at().toString());
        json.put("href", change.href());
        return json;
    }
}
